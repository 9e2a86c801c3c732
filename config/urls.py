from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

urlpatterns = [
    path("", include("gridportal.core.urls")),
    path("", include("gridportal.grid.urls")),
    path("outages/live/", include("gridportal.outages.storm.urls")),
    path("outages/", include("gridportal.outages.urls")),
    path("open311/v2/", include("gridportal.open311.urls")),
    path("capacity/", include("gridportal.capacity.urls")),
    path("notifications/", include("gridportal.notifications.urls")),
    path("accounts/", include("gridportal.accounts.urls")),
    path("staff/", include("gridportal.core.staff_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("gridportal.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("admin/", admin.site.urls),
]
