from django.contrib import admin

from .models import ConnectionIntention, ConnectionRate


@admin.register(ConnectionRate)
class ConnectionRateAdmin(admin.ModelAdmin):
    list_display = ["branch", "year", "preferential_per_kw", "social_per_kw", "verified"]
    list_filter = ["year", "verified"]


@admin.register(ConnectionIntention)
class ConnectionIntentionAdmin(admin.ModelAdmin):
    list_display = ["number", "created_at", "branch", "category", "power_new_kw", "status"]
    list_filter = ["status", "category"]
    search_fields = ["number"]
    readonly_fields = ["answer", "consent", "contact_key", "ip_address"]
