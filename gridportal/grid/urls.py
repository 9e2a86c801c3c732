from django.urls import path

from .views import public, staff

app_name = "grid"
urlpatterns = [
    path("addresses/", public.address_search_page, name="address-search"),
    path("staff/network/", staff.network_map, name="staff-map"),
    path("staff/network/map.geojson", staff.network_map_data, name="staff-map-data"),
    path("staff/network/power-centres/", staff.power_centre_list, name="staff-power-centres"),
    path(
        "staff/network/power-centres/<int:pk>/",
        staff.power_centre_detail,
        name="staff-power-centre",
    ),
    path("staff/network/feeders/<int:pk>/", staff.feeder_detail, name="staff-feeder"),
    path("staff/network/substations/<int:pk>/", staff.substation_detail, name="staff-substation"),
]
