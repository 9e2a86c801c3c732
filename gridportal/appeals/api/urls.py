from django.urls import path

from . import views

urlpatterns = [
    path("appeals/", views.AppealCreateView.as_view(), name="appeals-create"),
    path("appeals/staff/", views.StaffAppealList.as_view(), name="appeals-staff-list"),
    path(
        "appeals/staff/<str:number>/",
        views.StaffAppealDetail.as_view(),
        name="appeals-staff-detail",
    ),
    path("appeals/<str:number>/", views.AppealTrackView.as_view(), name="appeals-track"),
]
