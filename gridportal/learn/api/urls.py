from django.urls import path

from . import views

urlpatterns = [
    path("energy/appliances/", views.ApplianceListView.as_view(), name="energy-appliances"),
    path("energy/tariffs/", views.TariffListView.as_view(), name="energy-tariffs"),
    path("energy/estimate/", views.EstimateView.as_view(), name="energy-estimate"),
    path("learn/lessons/", views.LessonListView.as_view(), name="learn-lessons"),
    path("learn/lessons/<slug:slug>/", views.LessonDetailView.as_view(), name="learn-lesson"),
    path("learn/lessons/<slug:slug>/quiz/", views.QuizScoreView.as_view(), name="learn-quiz-score"),
]
