from django.urls import path

from .views import energy, safety, teacher

app_name = "learn"
urlpatterns = [
    path("energy/", energy.energy_page, name="energy"),
    path("energy/appliances/", energy.appliances_page, name="appliances"),
    path("safety/", safety.safety_index, name="safety"),
    path("safety/danger/", safety.danger_page, name="danger"),
    path("safety/teacher/", teacher.teacher_page, name="teacher"),
    path("safety/teacher/<slug:code>/", teacher.class_page, name="class"),
    path("safety/<slug:slug>/", safety.lesson_page, name="lesson"),
    path("safety/<slug:slug>/quiz/", safety.quiz_page, name="quiz"),
    path("safety/<slug:slug>/certificate/", safety.certificate, name="certificate"),
]
