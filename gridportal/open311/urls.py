"""Open311 GeoReport v2, mounted at /open311/v2/."""

from django.urls import re_path

from .api import views

app_name = "open311"

FORMAT = r"\.(?P<format>json|xml)$"

urlpatterns = [
    re_path(r"^discovery" + FORMAT, views.DiscoveryView.as_view(), name="discovery"),
    re_path(r"^services" + FORMAT, views.ServiceListView.as_view(), name="services"),
    re_path(
        r"^services/(?P<code>[\w-]{1,40})" + FORMAT,
        views.ServiceDefinitionView.as_view(),
        name="service",
    ),
    re_path(r"^requests" + FORMAT, views.RequestListView.as_view(), name="requests"),
    re_path(
        r"^requests/(?P<request_id>\d{1,12})" + FORMAT,
        views.RequestDetailView.as_view(),
        name="request",
    ),
    re_path(r"^.*$", views.NotFoundView.as_view(), name="not-found"),
]
