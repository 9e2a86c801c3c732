from django.urls import path

from .views import public, staff

app_name = "outages"
urlpatterns = [
    path("", public.outages_page, name="outages"),
    path("status/", public.status_page, name="status"),
    path("text/", public.status_text, name="status-text"),
    path("report/", public.report_page, name="report"),
    path("planned/", public.planned_page, name="planned"),
    path("planned/<int:address_id>.ics", public.planned_ics, name="planned-ics"),
    path("incidents/<int:pk>/", public.incident_page, name="incident"),
    path("still-out/<int:address_id>/", public.still_out, name="still-out"),
    path("staff/", staff.board, name="staff-board"),
    path("staff/board/", staff.board_partial, name="staff-board-partial"),
    path("staff/incidents/<int:pk>/", staff.incident_detail, name="staff-incident"),
    path(
        "staff/incidents/<int:pk>/<str:action>/",
        staff.incident_action,
        name="staff-incident-action",
    ),
    path("staff/reports/<int:pk>/", staff.report_detail, name="staff-report"),
    path("staff/calls/new/", staff.call_register, name="staff-call"),
    path("staff/callbacks/", staff.callback_queue, name="staff-callbacks"),
    path("staff/archive/", staff.archive, name="staff-archive"),
    path("staff/planned/", staff.planned_list, name="staff-planned"),
    path("staff/planned/new/", staff.planned_new, name="staff-planned-new"),
    path("staff/planned/<int:pk>/cancel/", staff.planned_cancel, name="staff-planned-cancel"),
]
