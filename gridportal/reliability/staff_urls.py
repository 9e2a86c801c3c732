"""Reliability at the console, mounted at /staff/reliability/ (staff:reliability:dashboard)."""

from django.urls import path

from .views import staff

app_name = "reliability"
urlpatterns = [
    path("", staff.dashboard, name="dashboard"),
    path("limits/", staff.limits, name="limits"),
    path("limits.csv", staff.limits_csv, name="limits-csv"),
    path("report.xlsx", staff.report_xlsx, name="report-xlsx"),
    path("interruptions/", staff.events, name="events"),
    path("interruptions/<int:pk>/", staff.event_detail, name="event"),
    path("interruptions/<int:pk>/correct/", staff.event_correct, name="event-correct"),
    path("records/<int:pk>/correct/", staff.record_correct, name="record-correct"),
]
