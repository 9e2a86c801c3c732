from django.contrib import admin

from .models import FollowUp, Response, Survey


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "is_public")
    search_fields = ("title", "slug")


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ("version", "channel", "branch", "office", "answered_at")
    list_filter = ("channel", "branch")
    readonly_fields = [f.name for f in Response._meta.fields]


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ("created_at", "branch", "reason", "status")
    list_filter = ("status", "branch")
