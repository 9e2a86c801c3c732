from django.urls import path

from .views import staff

app_name = "offices"
urlpatterns = [
    path("", staff.index, name="index"),
]
