from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gridportal.accounts.models import ConsentRecord
from gridportal.core.models import TimeStampedModel
from gridportal.grid.models import ServiceAddress

from . import rules
from .choices import Channel, DeliveryStatus, Language, SubscriptionStatus


class SubscriptionRuleQuerySet(models.QuerySet):
    def in_force(self, at=None) -> rules.SubscriptionPolicy:
        """The rule valid at `at` (now by default); the shipped defaults if the table is empty."""
        at = at or timezone.now()
        row = self.filter(valid_from__lte=at).order_by("-valid_from", "-id").first()
        return row.as_policy() if row else rules.DEFAULT_POLICY


class SubscriptionRule(models.Model):
    """Company policy for subscriptions: limits, code lifetime and attempts, delivery attempts; dated and sourced."""

    valid_from = models.DateTimeField(_("valid from"))
    source = models.CharField(_("source"), max_length=300)
    max_subscriptions_per_contact = models.PositiveSmallIntegerField(
        _("subscriptions per contact"), default=rules.DEFAULT_POLICY.max_subscriptions_per_contact
    )
    code_ttl_minutes = models.PositiveSmallIntegerField(
        _("SMS code lifetime, minutes"), default=rules.DEFAULT_POLICY.code_ttl_minutes
    )
    code_max_attempts = models.PositiveSmallIntegerField(
        _("SMS code attempts"), default=rules.DEFAULT_POLICY.code_max_attempts
    )
    code_resend_seconds = models.PositiveSmallIntegerField(
        _("seconds before a new code may be sent"),
        default=rules.DEFAULT_POLICY.code_resend_seconds,
    )
    confirm_link_hours = models.PositiveSmallIntegerField(
        _("confirmation link lifetime, hours"), default=rules.DEFAULT_POLICY.confirm_link_hours
    )
    max_delivery_attempts = models.PositiveSmallIntegerField(
        _("delivery attempts"), default=rules.DEFAULT_POLICY.max_delivery_attempts
    )

    subscribe_per_ip_per_hour = models.PositiveSmallIntegerField(
        _("subscribe requests per IP address per hour"),
        default=rules.DEFAULT_POLICY.subscribe_per_ip_per_hour,
        help_text=_("0 switches the limit off. Behind a proxy, REMOTE_ADDR must be the visitor's."),
    )

    erase_after_days = models.PositiveSmallIntegerField(
        _("erase contacts after, days"),
        default=rules.DEFAULT_POLICY.erase_after_days,
        help_text=_(
            "Contacts of cancelled and never confirmed subscriptions are erased after this many days."
        ),
    )

    objects = SubscriptionRuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription rule")
        verbose_name_plural = _("subscription rules")
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_subscriptions_per_contact__gte=1)
                & models.Q(code_max_attempts__gte=1)
                & models.Q(max_delivery_attempts__gte=1)
                & models.Q(code_ttl_minutes__gte=1),
                name="notifications_rule_positive",
            )
        ]

    def __str__(self):
        return f"{self.valid_from:%Y-%m-%d} {self.source}"

    def as_policy(self) -> rules.SubscriptionPolicy:
        return rules.SubscriptionPolicy(
            max_subscriptions_per_contact=self.max_subscriptions_per_contact,
            code_ttl_minutes=self.code_ttl_minutes,
            code_max_attempts=self.code_max_attempts,
            code_resend_seconds=self.code_resend_seconds,
            confirm_link_hours=self.confirm_link_hours,
            max_delivery_attempts=self.max_delivery_attempts,
            subscribe_per_ip_per_hour=self.subscribe_per_ip_per_hour,
            erase_after_days=self.erase_after_days,
        )


class Subscription(TimeStampedModel):
    """A person's wish to hear about outages at one service address, by e-mail or SMS; no account needed."""

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


class Delivery(models.Model):
    """One message about one event to one subscription: what to render, how it went."""

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
