"""Capacity at the console, mounted at /staff/capacity/ (staff:capacity:dashboard)."""

from django.urls import path

from .views import staff

app_name = "capacity"
urlpatterns = [
    path("", staff.dashboard, name="dashboard"),
    path("import/measurements/", staff.import_measurements, name="import-measurements"),
    path("import/commitments/", staff.import_commitments, name="import-commitments"),
    path("imports/<int:pk>/status/", staff.import_status, name="import-status"),
    path("imports/<int:pk>/file/", staff.import_file, name="import-file"),
    path("recalculate/", staff.recalculate, name="recalculate"),
    path("preview/", staff.preview, name="preview"),
    path("publish/", staff.publish, name="publish"),
    path("overloaded/", staff.overloaded, name="overloaded"),
]
