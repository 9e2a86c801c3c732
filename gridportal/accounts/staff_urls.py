"""The console's own pages at the root of the `staff` namespace: /staff/ and /staff/audit/.

No app_name: config/urls.py includes this module inside the `staff` namespace, so
the names are `staff:home` and `staff:audit-log`; every app's pages sit beside
them under /staff/<app>/ (`staff:outages:board`).
"""

from django.urls import path

from .views import staff

urlpatterns = [
    path("", staff.home, name="home"),
    path("audit/", staff.audit_log, name="audit-log"),
]
