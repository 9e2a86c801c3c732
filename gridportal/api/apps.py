from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "gridportal.api"
    label = "api"
    verbose_name = "API"

    # Requests core/hygiene.py refuses under /api/ get the API's error shape.
    edge_errors = ("/api/", "gridportal.api.errors.edge_error_response")
