"""The capacity API (mounted at /api/v1/ by config/urls.py), power centres included."""

from django.urls import path

from gridportal.api.routers import AppRouter

from .views import NearbyView, PowerCentreViewSet, QuarterListView

router = AppRouter()
router.register("power-centres", PowerCentreViewSet, basename="power-centre")

urlpatterns = [
    path("capacity/nearby/", NearbyView.as_view(), name="capacity-nearby"),
    path("capacity/quarters/", QuarterListView.as_view(), name="capacity-quarters"),
    *router.urls,
]
