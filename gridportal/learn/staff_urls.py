"""Safety lessons for content editors, mounted at /staff/learn/ (staff:learn:lessons)."""

from django.urls import path

from .views import staff

app_name = "learn"
urlpatterns = [
    path("", staff.lesson_list, name="lessons"),
    path("lessons/new/", staff.lesson_new, name="lesson-new"),
    path("lessons/<int:pk>/", staff.lesson_edit, name="lesson"),
]
