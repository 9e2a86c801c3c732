"""The company's API (mounted at /api/v1/ by config/urls.py)."""

from rest_framework.routers import DefaultRouter

from .views import BranchViewSet, DistrictViewSet

# What gridportal.api.routers.AppRouter does, spelt out: core sits below the api plumbing.
router = DefaultRouter()
router.include_root_view = False
router.register("branches", BranchViewSet, basename="branch")
router.register("districts", DistrictViewSet, basename="district")

urlpatterns = router.urls
