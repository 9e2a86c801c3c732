from django.urls import path

from .views import staff, staff_applications

app_name = "connection"
urlpatterns = [
    path("", staff_applications.queue, name="queue"),
    path("leads/", staff.leads, name="leads"),
    path("reports/", staff_applications.report, name="report"),
    path("reports/connection.<str:fmt>", staff_applications.report, name="report-download"),
    path("leads/<str:number>/", staff.lead_detail, name="lead"),
    path("applications/<str:number>/", staff_applications.detail, name="application"),
    path(
        "applications/<str:number>/documents/<int:pk>/",
        staff_applications.document,
        name="application-document",
    ),
]
