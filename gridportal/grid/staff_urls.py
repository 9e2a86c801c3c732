"""The network pages of the console, mounted at /staff/grid/ (staff:grid:map)."""

from django.urls import path

from .views import staff

app_name = "grid"
urlpatterns = [
    path("", staff.network_map, name="map"),
    path("map.geojson", staff.network_map_data, name="map-data"),
    path("power-centres/", staff.power_centre_list, name="power-centres"),
    path("power-centres/<int:pk>/", staff.power_centre_detail, name="power-centre"),
    path("feeders/<int:pk>/", staff.feeder_detail, name="feeder"),
    path("substations/<int:pk>/", staff.substation_detail, name="substation"),
]
