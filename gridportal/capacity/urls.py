from django.urls import path, register_converter

from .views import public


class IsoDateConverter:
    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value)


register_converter(IsoDateConverter, "isodate")

app_name = "capacity"
urlpatterns = [
    path("", public.capacity_map, name="map"),
    path("map.geojson", public.capacity_map_data, name="map-data"),
    path("power-centres.<str:fmt>", public.capacity_download, name="download"),
    path("substations.<str:fmt>", public.substations_download, name="substations-download"),
    path("centres/<int:pk>/", public.power_centre_page, name="power-centre"),
    path("nearby/", public.nearby, name="nearby"),
    path("method/", public.method, name="method"),
    path("quarters/", public.quarter_list, name="quarters"),
    path("quarters/<isodate:as_of>/", public.capacity_map, name="quarter-map"),
    path("quarters/<isodate:as_of>/map.geojson", public.capacity_map_data, name="quarter-map-data"),
    path(
        "quarters/<isodate:as_of>/power-centres.<str:fmt>",
        public.capacity_download,
        name="quarter-download",
    ),
    path(
        "quarters/<isodate:as_of>/substations.<str:fmt>",
        public.substations_download,
        name="quarter-substations-download",
    ),
    path(
        "quarters/<isodate:as_of>/centres/<int:pk>/",
        public.power_centre_page,
        name="quarter-power-centre",
    ),
]
