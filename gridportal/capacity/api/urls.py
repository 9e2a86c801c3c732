from django.urls import path

from .views import NearbyView, QuarterListView

urlpatterns = [
    path("nearby/", NearbyView.as_view(), name="capacity-nearby"),
    path("quarters/", QuarterListView.as_view(), name="capacity-quarters"),
]
