from django.urls import path

from .views import public

app_name = "notifications"
urlpatterns = [
    path("subscribe/", public.subscribe, name="subscribe"),
    path("confirm/<str:token>/", public.confirm, name="confirm"),
    path("verify/<str:token>/", public.verify, name="verify"),
    path("u/<str:token>/", public.unsubscribe, name="unsubscribe"),
    path("u/<str:token>/restore/", public.restore, name="restore"),
    path("manage/", public.manage_request, name="manage-request"),
    path("manage/<str:token>/", public.manage, name="manage"),
]
