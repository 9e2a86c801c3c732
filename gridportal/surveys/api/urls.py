from django.urls import path

from . import views

urlpatterns = [
    path("surveys/", views.SurveyListView.as_view(), name="survey-list"),
    path("surveys/<slug:slug>/", views.SurveyDetailView.as_view(), name="survey-detail"),
    path("surveys/<slug:slug>/answers/", views.AnswerCreateView.as_view(), name="survey-answers"),
    path("surveys/<slug:slug>/summary/", views.SummaryView.as_view(), name="survey-summary"),
]
