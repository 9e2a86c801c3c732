from django.urls import path

from .views import staff

app_name = "connection"
urlpatterns = [
    path("", staff.leads, name="leads"),
    path("leads/<str:number>/", staff.lead_detail, name="lead"),
]
