from django.urls import include, path

from .views import public

app_name = "outages"
urlpatterns = [
    # Storm mode: the look-ups served from the snapshot (outages/storm/); first, as the hot path.
    path("live/", include("gridportal.outages.storm.urls")),
    path("", public.outages_page, name="outages"),
    path("status/", public.status_page, name="status"),
    path("text/", public.status_text, name="status-text"),
    path("report/", public.report_page, name="report"),
    path("planned/", public.planned_page, name="planned"),
    path("estimates/", public.etr_accuracy_page, name="etr-accuracy"),
    path("planned/<int:address_id>.ics", public.planned_ics, name="planned-ics"),
    path("incidents/<int:pk>/", public.incident_page, name="incident"),
    path("still-out/<int:address_id>/", public.still_out, name="still-out"),
]
