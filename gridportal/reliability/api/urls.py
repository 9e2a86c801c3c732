"""The reliability API (mounted at /api/v1/ by config/urls.py)."""

from django.urls import path

from .views import IndicesView

urlpatterns = [
    path("reliability/indices/", IndicesView.as_view(), name="reliability-indices"),
]
