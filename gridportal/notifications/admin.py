from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Delivery, Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    """Read-only: subscriptions change only through their owner's links; the full contact is
    shown on the audited staff page, not here."""

    list_display = (
        "id",
        "contact_masked",
        "channel",
        "address",
        "status",
        "language",
        "created_at",
    )
    list_filter = ("status", "channel", "language")
    list_select_related = ("address",)
    fields = (
        "contact_masked",
        "channel",
        "address",
        "status",
        "language",
        "consent",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
    )
    readonly_fields = fields

    @admin.display(description=_("contact"))
    def contact_masked(self, obj):
        return obj.masked_contact

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Read-only log; staff send a message again from the console's message log."""

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
    exclude = ("subscription",)
    readonly_fields = (
        "event_key",
        "channel",
        "template",
        "context",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "claimed_at",
        "sent_at",
    )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
