from django.urls import include, path
from rest_framework.routers import DefaultRouter

from gridportal.core.api.views import BranchViewSet, DistrictViewSet
from gridportal.grid.api.views import (
    AddressSearchView,
    FeederViewSet,
    PowerCentreViewSet,
    SubstationViewSet,
)

router = DefaultRouter()
router.register("branches", BranchViewSet, basename="branch")
router.register("districts", DistrictViewSet, basename="district")
router.register("power-centres", PowerCentreViewSet, basename="power-centre")
router.register("feeders", FeederViewSet, basename="feeder")
router.register("substations", SubstationViewSet, basename="substation")

app_name = "api"
urlpatterns = [
    path("addresses/", AddressSearchView.as_view(), name="address-search"),
    path("outages/", include("gridportal.outages.api.urls")),
    path("capacity/", include("gridportal.capacity.api.urls")),
    path("", include(router.urls)),
]
