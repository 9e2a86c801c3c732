from django.urls import path

from .views import address, public

app_name = "grid"
urlpatterns = [
    path("addresses/", public.address_search_page, name="address-search"),
    path("addresses/<int:pk>/", address.address_page, name="address"),
    path("addresses/<int:pk>/text/", address.address_page_text, name="address-text"),
]
