from django.urls import path

from . import views

urlpatterns = [
    path("offices/", views.OfficeListView.as_view(), name="office-list"),
    path("offices/<int:pk>/slots/", views.SlotListView.as_view(), name="office-slots"),
    path("bookings/", views.BookingCreateView.as_view(), name="booking-create"),
    path("bookings/<str:code>/cancel/", views.BookingCancelView.as_view(), name="booking-cancel"),
    path("bookings/<str:code>/move/", views.BookingMoveView.as_view(), name="booking-move"),
]
