from django.urls import path

from .views import public, staff

app_name = "notifications"
urlpatterns = [
    path("subscribe/", public.subscribe, name="subscribe"),
    path("confirm/<str:token>/", public.confirm, name="confirm"),
    path("verify/<str:token>/", public.verify, name="verify"),
    path("u/<str:token>/", public.unsubscribe, name="unsubscribe"),
    path("u/<str:token>/restore/", public.restore, name="restore"),
    path("manage/", public.manage_request, name="manage-request"),
    path("manage/<str:token>/", public.manage, name="manage"),
    path("staff/deliveries/", staff.delivery_list, name="staff-deliveries"),
    path("staff/deliveries/<int:pk>/retry/", staff.delivery_retry, name="staff-delivery-retry"),
    path("staff/subscriptions/", staff.subscription_counts, name="staff-subscriptions"),
    path("staff/subscriptions/<int:pk>/", staff.subscription_detail, name="staff-subscription"),
]
