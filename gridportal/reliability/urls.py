"""Public reliability pages, mounted at /reliability/ (reliability:index)."""

from django.urls import path

from .views import public

app_name = "reliability"
urlpatterns = [
    path("", public.index, name="index"),
    path("data.csv", public.data_csv, name="data-csv"),
]
