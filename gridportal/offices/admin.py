from django.contrib import admin

from .models import Booking, Desk, Office, OfficeException, OfficeHours, OfficeService, Visit


class HoursInline(admin.TabularInline):
    model = OfficeHours
    extra = 0


class ExceptionInline(admin.TabularInline):
    model = OfficeException
    extra = 0


class ServiceInline(admin.TabularInline):
    model = OfficeService
    extra = 0


class DeskInline(admin.TabularInline):
    model = Desk
    extra = 0


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["name", "branch", "district", "address", "time_zone", "is_active"]
    list_filter = ["branch", "is_active", "time_zone"]
    search_fields = ["name", "address"]
    inlines = [HoursInline, ExceptionInline, ServiceInline, DeskInline]


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["code", "office", "service", "starts_at", "desk", "status"]
    list_filter = ["status", "service"]
    search_fields = ["code"]
    raw_id_fields = ["office", "desk", "consent"]
    readonly_fields = ["contact_key"]


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    list_display = [
        "ticket",
        "office",
        "day",
        "kind",
        "service",
        "status",
        "arrived_at",
        "started_at",
    ]
    list_filter = ["status", "kind", "day"]
    raw_id_fields = ["office", "desk", "booking"]
