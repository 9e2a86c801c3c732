from django.contrib import admin

from .models import AnswerTemplate, Appeal, AppealEvent


class AppealEventInline(admin.TabularInline):
    model = AppealEvent
    extra = 0
    can_delete = False
    readonly_fields = ["at", "actor", "kind", "public", "text"]
    fields = readonly_fields


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):
    """Read-only here: staff handle appeals in the console, where every step is logged."""

    list_display = [
        "number",
        "registered_at",
        "channel",
        "appeal_type",
        "topic",
        "status",
        "branch",
    ]
    list_filter = ["status", "channel", "appeal_type", "branch"]
    search_fields = ["number"]
    date_hierarchy = "registered_at"
    inlines = [AppealEventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AnswerTemplate)
class AnswerTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "topic"]
    list_filter = ["topic"]
    search_fields = ["title", "body"]
