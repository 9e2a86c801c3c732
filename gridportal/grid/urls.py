from django.urls import path

from .views import public

app_name = "grid"
urlpatterns = [
    path("addresses/", public.address_search_page, name="address-search"),
]
