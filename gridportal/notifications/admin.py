from django.contrib import admin

from .models import Delivery, Subscription, SubscriptionRule


@admin.register(SubscriptionRule)
class SubscriptionRuleAdmin(admin.ModelAdmin):
    list_display = (
        "valid_from",
        "max_subscriptions_per_contact",
        "code_ttl_minutes",
        "code_max_attempts",
        "max_delivery_attempts",
        "source",
    )


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "masked_contact",
        "channel",
        "address",
        "status",
        "language",
        "created_at",
    )
    list_filter = ("status", "channel", "language")
    raw_id_fields = ("address", "consent")
    readonly_fields = ("confirmed_at", "unsubscribed_at")


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "event_key",
        "subscription_id",
        "channel",
        "status",
        "attempts",
        "sent_at",
    )
    list_filter = ("status", "channel")
    search_fields = ("event_key",)
    raw_id_fields = ("subscription",)
