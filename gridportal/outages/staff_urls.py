"""The outage desk, mounted at /staff/outages/ in the `staff` namespace (staff:outages:board)."""

from django.urls import path

from .views import incident_actions, special_needs, staff

app_name = "outages"
urlpatterns = [
    path("", staff.board, name="board"),
    path("board/", staff.board_partial, name="board-partial"),
    path("board/etr/", staff.bulk_etr, name="bulk-etr"),
    path("map/", staff.incident_map, name="map"),
    path("crews/", staff.crew_list, name="crews"),
    path("special-needs/", special_needs.special_needs, name="special-needs"),
    path("special-needs/<int:pk>/", special_needs.special_needs_edit, name="special-needs-edit"),
    path(
        "special-needs/<int:pk>/withdraw/",
        special_needs.special_needs_withdraw,
        name="special-needs-withdraw",
    ),
    path("map.geojson", staff.incident_map_data, name="map-data"),
    path("incidents/<int:pk>/", staff.incident_detail, name="incident"),
    path("incidents/<int:pk>/elements/", staff.element_choices, name="element-choices"),
    path(
        "incidents/<int:pk>/<str:action>/", incident_actions.incident_action, name="incident-action"
    ),
    path("reports/<int:pk>/", staff.report_detail, name="report"),
    path("calls/new/", staff.call_register, name="call"),
    path("callbacks/", staff.callback_queue, name="callbacks"),
    path("archive/", staff.archive, name="archive"),
    path("planned/", staff.planned_list, name="planned"),
    path("planned/new/", staff.planned_new, name="planned-new"),
    path("planned/<int:pk>/cancel/", staff.planned_cancel, name="planned-cancel"),
    path("planned/<int:pk>/move/", staff.planned_move, name="planned-move"),
    path("planned/<int:pk>/done/", staff.planned_done, name="planned-done"),
]
