from django.urls import path

from .views import public

app_name = "offices"
urlpatterns = [
    path("", public.directory, name="directory"),
    path("map.geojson", public.directory_data, name="directory-data"),
    path("<int:pk>/", public.office_page, name="office"),
    path("<int:pk>/book/", public.book, name="book"),
    path("<int:pk>/screen/", public.hall_screen, name="screen"),
    path("<int:pk>/screen.json", public.hall_screen_data, name="screen-data"),
    path("booking/", public.booking_manage, name="booking-manage"),
    path("booking/<str:code>.ics", public.booking_ics, name="booking-ics"),
]
