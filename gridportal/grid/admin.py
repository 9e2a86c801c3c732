from django.contrib import admin

from .models import Feeder, PowerCentre, PowerTransformer, ServiceAddress, Substation


class PowerTransformerInline(admin.TabularInline):
    model = PowerTransformer
    extra = 0


@admin.register(PowerCentre)
class PowerCentreAdmin(admin.ModelAdmin):
    list_display = ["dispatch_number", "name", "voltage_levels", "branch", "district"]
    list_filter = ["branch", "voltage_kv"]
    search_fields = ["name", "dispatch_number"]
    inlines = [PowerTransformerInline]


@admin.register(Feeder)
class FeederAdmin(admin.ModelAdmin):
    list_display = ["name", "power_centre", "voltage_kv", "branch"]
    list_filter = ["branch"]
    raw_id_fields = ["power_centre"]


@admin.register(Substation)
class SubstationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "rated_kva", "feeder", "branch"]
    list_filter = ["branch", "kind"]
    search_fields = ["name"]
    raw_id_fields = ["feeder"]


@admin.register(ServiceAddress)
class ServiceAddressAdmin(admin.ModelAdmin):
    list_display = ["label", "customer_count", "substation", "branch"]
    list_filter = ["branch"]
    search_fields = ["label"]
    raw_id_fields = ["street", "substation"]
