"""Routers: each app registers its viewsets on its own router; config/urls.py adds one API root.

The plumbing knows no app: `config/urls.py` passes the apps' routers to `api_root_urls`.
"""

from django.urls import path
from rest_framework.routers import DefaultRouter
from rest_framework.urlpatterns import format_suffix_patterns


class AppRouter(DefaultRouter):
    """An app's viewsets with format suffixes (`.json`), without a root view of its own."""

    include_root_view = False


def api_root_urls(*routers: DefaultRouter) -> list:
    """The browsable `/api/v1/` root listing the viewsets of every router given, in order."""
    root = DefaultRouter()
    for router in routers:
        root.registry.extend(router.registry)
    return format_suffix_patterns([path("", root.get_api_root_view(), name=root.root_view_name)])
