from django.contrib import admin

from .models import (
    CapacityAssessment,
    CapacitySnapshot,
    CommittedCapacity,
    LoadMeasurement,
    SensitiveSubstation,
)


@admin.register(LoadMeasurement)
class LoadMeasurementAdmin(admin.ModelAdmin):
    list_display = ["power_centre", "transformer", "measured_on", "season", "load_mva"]
    list_filter = ["season", "measured_on"]
    raw_id_fields = ["power_centre", "transformer"]


@admin.register(CommittedCapacity)
class CommittedCapacityAdmin(admin.ModelAdmin):
    list_display = [
        "power_centre",
        "site",
        "kind",
        "document_number",
        "document_date",
        "kw",
        "built",
    ]
    list_filter = ["kind", "built"]
    search_fields = ["site", "document_number"]
    raw_id_fields = ["power_centre"]


@admin.register(CapacitySnapshot)
class CapacitySnapshotAdmin(admin.ModelAdmin):
    list_display = ["as_of", "status", "published_at", "published_by"]
    readonly_fields = ["published_at", "published_by"]


@admin.register(CapacityAssessment)
class CapacityAssessmentAdmin(admin.ModelAdmin):
    list_display = ["power_centre", "snapshot", "status", "constraint", "reserve_mva"]
    list_filter = ["status", "constraint"]
    raw_id_fields = ["power_centre", "snapshot"]


@admin.register(SensitiveSubstation)
class SensitiveSubstationAdmin(admin.ModelAdmin):
    list_display = ["substation", "reason"]
    raw_id_fields = ["substation"]
