from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "gridportal.api"
    label = "api"
    verbose_name = "API"
