from django.urls import path

from .views import public

app_name = "core"
urlpatterns = [
    path("", public.home, name="home"),
    path("branch/", public.branch_select, name="branch-select"),
    # /health/ is readiness (database and cache); load balancers keep using it.
    path("health/", public.health_ready, name="health"),
    path("health/ready/", public.health_ready, name="health-ready"),
    path("health/live/", public.health_live, name="health-live"),
]
