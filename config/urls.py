"""All URLs, assembled from each app's own modules (docs/architecture.md, «Layers»).

Public pages: `gridportal/<app>/urls.py`. Staff console: `gridportal/<app>/staff_urls.py`
under /staff/<app>/ in the `staff` namespace (`staff:outages:board`). API: each app's
`gridportal/<app>/api/urls.py` under /api/v1/ in the `api` namespace, with one root
listing every app's router.
"""

from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView

from config.metrics import metrics_view
from gridportal.api.docs import SwaggerView
from gridportal.api.routers import api_root_urls
from gridportal.capacity.api import urls as capacity_api
from gridportal.connection.api import urls as connection_api
from gridportal.core.api import urls as core_api
from gridportal.disclosure.api import urls as disclosure_api
from gridportal.grid.api import urls as grid_api

api_v1 = [
    # First: a storm's reports and look-ups are most of the traffic, and Django tries the
    # routes in order (each include with an empty prefix is searched through).
    path("outages/", include("gridportal.outages.api.urls")),
    path("", include("gridportal.core.api.urls")),
    path("", include("gridportal.grid.api.urls")),
    path("", include("gridportal.capacity.api.urls")),
    path("", include("gridportal.appeals.api.urls")),
    path("", include("gridportal.surveys.api.urls")),
    path("", include("gridportal.offices.api.urls")),
    path("", include("gridportal.reliability.api.urls")),
    path("", include("gridportal.learn.api.urls")),
    *api_root_urls(core_api.router, capacity_api.router, grid_api.router),
    path("", include("gridportal.disclosure.api.urls")),
    *api_root_urls(core_api.router, capacity_api.router, grid_api.router, disclosure_api.router),
    path("", include("gridportal.connection.api.urls")),
    *api_root_urls(core_api.router, capacity_api.router, grid_api.router, connection_api.router),
]

staff = [
    path("", include("gridportal.accounts.staff_urls")),
    path("grid/", include("gridportal.grid.staff_urls")),
    path("outages/", include("gridportal.outages.staff_urls")),
    path("capacity/", include("gridportal.capacity.staff_urls")),
    path("reliability/", include("gridportal.reliability.staff_urls")),
    path("connection/", include("gridportal.connection.staff_urls")),
    path("notifications/", include("gridportal.notifications.staff_urls")),
    path("appeals/", include("gridportal.appeals.staff_urls")),
    path("surveys/", include("gridportal.surveys.staff_urls")),
    path("offices/", include("gridportal.offices.staff_urls")),
    path("learn/", include("gridportal.learn.staff_urls")),
    path("disclosure/", include("gridportal.disclosure.staff_urls")),
]


def moved(old: str, new: str):
    """A permanent redirect of everything under an old staff prefix (dispatchers' bookmarks)."""
    return re_path(
        rf"^{old}(?P<rest>.*)$",
        RedirectView.as_view(url=f"/{new}%(rest)s", permanent=True, query_string=True),
    )


urlpatterns = [
    # First, for the same reason as its outages/ above; nothing else starts with api/.
    path("api/v1/", include((api_v1, "api"))),
    path("", include("gridportal.core.urls")),
    path("", include("gridportal.grid.urls")),
    # Staff pages lived under each app until the /staff/<app>/ scheme (docs/decisions/0004).
    moved("outages/staff/", "staff/outages/"),
    moved("capacity/staff/", "staff/capacity/"),
    moved("notifications/staff/", "staff/notifications/"),
    moved("staff/network/", "staff/grid/"),
    path("outages/", include("gridportal.outages.urls")),
    path("open311/v2/", include("gridportal.open311.urls")),
    path("capacity/", include("gridportal.capacity.urls")),
    path("reliability/", include("gridportal.reliability.urls")),
    path("learn/", include("gridportal.learn.urls")),
    path("connection/", include("gridportal.connection.urls")),
    path("notifications/", include("gridportal.notifications.urls")),
    path("appeals/", include("gridportal.appeals.urls")),
    path("surveys/", include("gridportal.surveys.urls")),
    path("offices/", include("gridportal.offices.urls")),
    path("", include("gridportal.disclosure.urls")),
    path("accounts/", include("gridportal.accounts.urls")),
    path("staff/", include((staff, "staff"))),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("admin/", admin.site.urls),
    path("metrics", metrics_view, name="metrics"),
]

# A database that cannot be reached outside a view (a middleware) is a 503 page too.
handler500 = "gridportal.core.views.public.server_error"

# Under /api/ a URL that matches no route answers in the API's error shape.
handler404 = "gridportal.api.errors.not_found"
