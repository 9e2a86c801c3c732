from django.urls import path

from .views import staff

app_name = "staff"
urlpatterns = [
    path("", staff.home, name="home"),
    path("audit/", staff.audit_log, name="audit-log"),
]
