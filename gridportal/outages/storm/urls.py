from django.urls import path

from . import views

app_name = "storm"
urlpatterns = [
    path("ping", views.ping, name="ping"),
    path("status.json", views.status, name="status"),
    path("summary.json", views.summary, name="summary"),
    path("feed.json", views.feed, name="feed"),
    path("feed.geojson", views.feed_geojson, name="feed-geojson"),
]
