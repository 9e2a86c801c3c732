from django.urls import path

from .views import public

app_name = "core"
urlpatterns = [
    path("", public.home, name="home"),
    path("branch/", public.branch_select, name="branch-select"),
    path("health/", public.health, name="health"),
]
