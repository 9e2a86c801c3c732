"""The message log and subscriptions at the console, mounted at /staff/notifications/."""

from django.urls import path

from .views import staff

app_name = "notifications"
urlpatterns = [
    path("deliveries/", staff.delivery_list, name="deliveries"),
    path("deliveries/<int:pk>/retry/", staff.delivery_retry, name="delivery-retry"),
    path("subscriptions/", staff.subscription_counts, name="subscriptions"),
    path("subscriptions/<int:pk>/", staff.subscription_detail, name="subscription"),
]
