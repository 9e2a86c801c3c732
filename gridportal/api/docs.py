"""The API's documentation page (Swagger UI) under the site's Content-Security-Policy.

drf-spectacular's split view serves the page and its start script as two responses
(`/api/docs/` and `/api/docs/?script=`), so no script is inline; our template moves the
page's few style rules into a static file. Swagger UI's own files come from
drf-spectacular-sidecar, i.e. from this site.
"""

from drf_spectacular.views import SpectacularSwaggerSplitView


class SwaggerView(SpectacularSwaggerSplitView):
    template_name = "api/swagger_ui.html"
