from django.contrib import admin

from .models import (
    Crew,
    CriticalFacility,
    Incident,
    IncidentEvent,
    OutageReport,
    PlannedOutage,
    SpecialNeedsCustomer,
)


@admin.register(CriticalFacility)
class CriticalFacilityAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "substation", "branch", "has_backup_power"]
    list_filter = ["kind", "branch"]
    search_fields = ["name", "substation__name"]
    autocomplete_fields = ["substation"]


@admin.register(Crew)
class CrewAdmin(admin.ModelAdmin):
    list_display = ["name", "leader", "phone", "branch", "district", "active"]
    list_filter = ["active", "branch"]
    search_fields = ["name", "leader", "phone"]


@admin.register(PlannedOutage)
class PlannedOutageAdmin(admin.ModelAdmin):
    list_display = ["starts_at", "ends_at", "reason", "branch", "district", "status"]
    list_filter = ["status", "branch"]
    search_fields = ["reason", "area_description"]
    autocomplete_fields = ["substations"]
    date_hierarchy = "starts_at"


class IncidentEventInline(admin.TabularInline):
    model = IncidentEvent
    extra = 0
    can_delete = False
    readonly_fields = ["at", "actor", "kind", "public", "etr", "text"]
    fields = readonly_fields


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    """Read-only here: dispatchers change incidents on the board, where every change is logged."""

    list_display = ["id", "level", "status", "branch", "started_at", "customers_out", "etr"]
    list_filter = ["status", "level", "branch"]
    inlines = [IncidentEventInline]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(OutageReport)
class OutageReportAdmin(admin.ModelAdmin):
    list_display = ["id", "created_at", "branch", "problem", "channel", "incident"]
    list_filter = ["problem", "channel", "branch"]
    exclude = ["phone", "email", "ip_address"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(SpecialNeedsCustomer)
class SpecialNeedsCustomerAdmin(admin.ModelAdmin):
    list_display = ["address", "need", "branch"]
    list_filter = ["need", "branch"]
    raw_id_fields = ["address", "consent"]
