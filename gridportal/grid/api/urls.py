"""The network's API (mounted at /api/v1/ by config/urls.py).

`/api/v1/power-centres/` carries the free capacity, so the capacity app registers it.
"""

from django.urls import path

from gridportal.api.routers import AppRouter

from .views import AddressPageView, AddressSearchView, FeederViewSet, SubstationViewSet

router = AppRouter()
router.register("feeders", FeederViewSet, basename="feeder")
router.register("substations", SubstationViewSet, basename="substation")

urlpatterns = [
    path("addresses/", AddressSearchView.as_view(), name="address-search"),
    path("addresses/<int:pk>/page/", AddressPageView.as_view(), name="address-page"),
    *router.urls,
]
