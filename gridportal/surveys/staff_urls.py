"""Questionnaires at the console, mounted at /staff/surveys/."""

from django.urls import path

from .views import staff

app_name = "surveys"
urlpatterns = [
    path("", staff.survey_list, name="list"),
    path("new/", staff.survey_new, name="new"),
    path("follow-ups/", staff.follow_up_list, name="follow-ups"),
    path("follow-ups/<int:pk>/", staff.follow_up_detail, name="follow-up"),
    path("<slug:slug>/", staff.survey_analytics, name="analytics"),
    path("<slug:slug>/build/", staff.survey_build, name="build"),
    path("<slug:slug>/build/<slug:key>/remove/", staff.question_remove, name="question-remove"),
    path("<slug:slug>/publish/", staff.survey_publish, name="publish"),
    path("<slug:slug>/paper/", staff.paper_entry, name="paper"),
    path("<slug:slug>/export/<str:kind>.<str:fmt>", staff.survey_export, name="export"),
]
