"""The connection API (mounted at /api/v1/ by config/urls.py)."""

from django.urls import path

from gridportal.api.routers import AppRouter

from .views import IntentionCreateView, IntentionStaffViewSet

router = AppRouter()
router.register(
    "connection/staff/intentions", IntentionStaffViewSet, basename="connection-intention"
)

urlpatterns = [
    path("connection/intentions/", IntentionCreateView.as_view(), name="connection-intentions"),
    *router.urls,
]
