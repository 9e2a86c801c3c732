"""The connection API (mounted at /api/v1/ by config/urls.py)."""

from django.urls import path

from gridportal.api.routers import AppRouter

from .views import ApplicationViewSet, IntentionCreateView, IntentionStaffViewSet

router = AppRouter()
router.register(
    "connection/staff/intentions", IntentionStaffViewSet, basename="connection-intention"
)

router.register("connection/applications", ApplicationViewSet, basename="connection-application")

urlpatterns = [
    path("connection/intentions/", IntentionCreateView.as_view(), name="connection-intentions"),
    *router.urls,
]
