"""The disclosure API (mounted at /api/v1/ by config/urls.py)."""

from gridportal.api.routers import AppRouter

from .views import DisclosureItemViewSet, DocumentViewSet, GuideViewSet

router = AppRouter()
router.register("documents", DocumentViewSet, basename="document")
router.register("guides", GuideViewSet, basename="guide")
router.register("disclosure-items", DisclosureItemViewSet, basename="disclosure-item")

urlpatterns = router.urls
