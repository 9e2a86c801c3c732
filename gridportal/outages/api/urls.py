from django.urls import path

from . import views

urlpatterns = [
    path("status/", views.StatusView.as_view(), name="outages-status"),
    path("reports/", views.ReportCreateView.as_view(), name="outages-report-create"),
    path("incidents/", views.IncidentListView.as_view(), name="outages-incidents"),
    path("incidents/<int:pk>/", views.IncidentDetailView.as_view(), name="outages-incident"),
    path("planned/", views.PlannedListView.as_view(), name="outages-planned"),
    path("feed/", views.FeedView.as_view(), name="outages-feed"),
    path("feed.geojson", views.FeedGeoJSONView.as_view(), name="outages-feed-geojson"),
]
