from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gridportal.accounts.models import ConsentRecord
from gridportal.core.models import TimeStampedModel
from gridportal.grid.models import ServiceAddress

from . import rules
from .choices import Channel, DeliveryStatus, Language, SubscriptionStatus


class Subscription(TimeStampedModel):
    """A person's wish to hear about outages at one service address, by e-mail or SMS; no account needed."""

    # How rows reach their branch, for the branch scope (accounts/scoping.py, decision 0013).
    branch_path = "address__branch"

    address = models.ForeignKey(
        ServiceAddress,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("address"),
    )
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    contact = models.CharField(
        _("contact"), max_length=254, help_text=_("E-mail in lower case or phone in E.164.")
    )
    language = models.CharField(
        _("language"), max_length=8, choices=Language.choices, default=Language.RU
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SubscriptionStatus.choices,
        default=SubscriptionStatus.PENDING,
        db_index=True,
    )
    consent = models.ForeignKey(
        ConsentRecord,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("consent"),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    code_hash = models.CharField(max_length=128, blank=True, editable=False)
    # When the last confirmation (letter or code) was sent: the resend interval counts from here.
    code_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    code_attempts = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["address", "channel", "contact"], name="subscription_unique_contact"
            )
        ]
        indexes = [models.Index(fields=["channel", "contact"], name="subscription_contact_idx")]

    def __str__(self):
        return f"{rules.mask_contact(self.channel, self.contact)} → {self.address_id}"

    @property
    def is_erased(self) -> bool:
        return self.contact.startswith(rules.ERASED_PREFIX)

    @property
    def masked_contact(self) -> str:
        return rules.mask_contact(self.channel, self.contact)

    def get_staff_url(self) -> str:
        from django.urls import reverse

        return reverse("staff:notifications:subscription", args=[self.pk])

    def survey_label(self) -> str:
        return str(self.address.label)


class Delivery(models.Model):
    """One message about one event to one subscription: what to render, how it went."""

    branch_path = "subscription__address__branch"

    subscription = models.ForeignKey(
        Subscription,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscription"),
    )
    event_key = models.CharField(_("event"), max_length=200)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    template = models.CharField(_("template"), max_length=200)
    context = models.JSONField(_("context"), default=dict, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.QUEUED,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), default=timezone.now, db_index=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event_key", "subscription"], name="delivery_unique_event_subscription"
            )
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="delivery_status_idx")]

    def __str__(self):
        return f"{self.event_key} #{self.subscription_id} {self.status}"
