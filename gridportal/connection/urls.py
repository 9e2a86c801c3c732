from django.urls import path

from .views import public

app_name = "connection"
urlpatterns = [
    path("", public.intention, name="intention"),
]
