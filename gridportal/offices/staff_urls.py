from django.urls import path

from .views import staff

app_name = "offices"
urlpatterns = [
    path("", staff.index, name="index"),
    path("<int:pk>/", staff.day, name="day"),
    path("<int:pk>/edit/", staff.office_edit, name="edit"),
    path("<int:pk>/walk-in/", staff.walk_in, name="walk-in"),
    path("<int:pk>/bookings/<int:booking_pk>/", staff.booking_action, name="booking-action"),
    path("<int:pk>/visits/<int:visit_pk>/", staff.visit_action, name="visit-action"),
]
