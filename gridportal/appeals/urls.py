from django.urls import path

from .views import public

app_name = "appeals"

urlpatterns = [
    path("", public.submit_page, name="submit"),
    path("track/", public.track_page, name="track"),
    path("mine/", public.mine_page, name="mine"),
    path("a/<str:number>/", public.detail_page, name="detail"),
    path("a/<str:number>/info/", public.info_add, name="info-add"),
    path("a/<str:number>/rate/", public.rate, name="rate"),
    path("a/<str:number>/reopen/", public.reopen, name="reopen"),
    path("a/<str:number>/files/<int:pk>/", public.attachment_download, name="file"),
]
