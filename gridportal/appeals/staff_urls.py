from django.urls import path

from .views import staff

app_name = "appeals"

urlpatterns = [
    path("", staff.queue, name="queue"),
    path("new/", staff.register, name="register"),
    path("registry/", staff.registry, name="registry"),
    path("report/", staff.report, name="report"),
    path("a/<str:number>/", staff.detail, name="detail"),
    path("a/<str:number>/files/<int:pk>/", staff.attachment, name="file"),
    path("a/<str:number>/<slug:action>/", staff.act, name="act"),
]
