from django.contrib import admin

from .models import AuditLogEntry, Branch, CalendarException, Company, District


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "inn", "hotline_phone"]


@admin.register(Branch)
class BranchAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "region", "hotline_phone"]
    search_fields = ["name", "code", "region"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "branch", "kind"]
    list_filter = ["branch", "kind"]
    search_fields = ["name", "code"]


@admin.register(CalendarException)
class CalendarExceptionAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "source"]
    list_filter = ["kind"]


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit log is append-only."""

    list_display = ["at", "actor", "action", "object_type", "object_id", "branch", "ip_address"]
    list_filter = ["action", "object_type", "branch"]
    search_fields = ["actor__username", "object_id", "object_repr"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
