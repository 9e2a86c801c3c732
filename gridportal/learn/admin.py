"""Administrators' tables: the catalogue, tariffs and quizzes. Lesson texts are edited in
the console (/staff/learn/), where every save is a version; here they are read-only."""

from django.contrib import admin

from .models import Appliance, Choice, Lesson, Question, Tariff


@admin.register(Appliance)
class ApplianceAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "power_w", "standby_w", "usual_hours", "efficiency_class"]
    list_filter = ["category", "efficiency_class", "movable"]
    search_fields = ["name", "name_en", "slug"]
    raw_id_fields = ["better"]


@admin.register(Tariff)
class TariffAdmin(admin.ModelAdmin):
    list_display = ["region", "year", "half", "kind", "norm_kwh", "verified"]
    list_filter = ["verified", "kind", "year", "half", "region"]


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "lesson", "order"]
    list_filter = ["lesson"]
    inlines = [ChoiceInline]


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ["title", "age_group", "topic", "status", "hazard", "order"]
    list_filter = ["age_group", "status", "hazard"]
    readonly_fields = ["title", "title_en", "summary", "summary_en", "body", "body_en", "status"]
