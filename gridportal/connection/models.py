from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gridportal.core.models import Branch, TimeStampedModel
from gridportal.grid.models import ServiceAddress

from .choices import (
    ApplicantKind,
    Category,
    IntentionStatus,
    ObjectKind,
    Reliability,
    Voltage,
)


class ConnectionRate(TimeStampedModel):
    """A region's connection rates for a year: preferential and social per kW, standardized C1, C8."""

    branch_path = "branch"

    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, related_name="connection_rates")
    year = models.PositiveSmallIntegerField(_("year"))
    preferential_per_kw = models.DecimalField(
        _("preferential rate, ₽ per kW (up to 15 kW)"), max_digits=10, decimal_places=2
    )
    social_per_kw = models.DecimalField(_("social rate, ₽ per kW"), max_digits=10, decimal_places=2)
    c1_per_application = models.DecimalField(
        _("standardized rate C1, ₽ per application"), max_digits=12, decimal_places=2
    )
    c8_per_point = models.DecimalField(
        _("standardized rate C8 (metering), ₽ per point"), max_digits=12, decimal_places=2
    )
    construction_per_kw = models.DecimalField(
        _("indicative construction, ₽ per kW"), max_digits=12, decimal_places=2
    )
    source = models.CharField(_("source (tariff order)"), max_length=300)
    verified = models.BooleanField(
        _("verified"), default=False, help_text=_("Unticked: an example until checked")
    )

    class Meta:
        verbose_name = _("connection rate")
        verbose_name_plural = _("connection rates")
        ordering = ["branch", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["branch", "year"], name="connection_rate_per_year"),
            models.CheckConstraint(
                condition=models.Q(preferential_per_kw__gte=0)
                & models.Q(social_per_kw__gte=0)
                & models.Q(c1_per_application__gte=0)
                & models.Q(c8_per_point__gte=0)
                & models.Q(construction_per_kw__gte=0),
                name="connection_rate_nonnegative",
            ),
        ]

    def __str__(self):
        return f"{self.branch_id} {self.year}"


class ConnectionIntention(models.Model):
    """A request-intention («заявка-намерение»): a lead with no legal force and no clock."""

    branch_path = "branch"

    number = models.CharField(_("number"), max_length=20, unique=True, blank=True)
    created_at = models.DateTimeField(_("received at"), db_index=True)
    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, related_name="+")
    address = models.ForeignKey(
        ServiceAddress, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    place = models.CharField(_("place"), max_length=400)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    applicant_kind = models.CharField(_("applicant"), max_length=16, choices=ApplicantKind.choices)
    object_kind = models.CharField(_("object"), max_length=16, choices=ObjectKind.choices)
    power_new_kw = models.DecimalField(_("new power, kW"), max_digits=9, decimal_places=1)
    power_existing_kw = models.DecimalField(
        _("power already connected, kW"), max_digits=9, decimal_places=1, default=0
    )
    voltage = models.CharField(_("voltage"), max_length=4, choices=Voltage.choices)
    reliability = models.CharField(
        _("reliability category"), max_length=1, choices=Reliability.choices
    )
    social = models.BooleanField(_("claims a social category"), default=False)
    category = models.CharField(_("category"), max_length=16, choices=Category.choices)
    name = models.CharField(_("name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    contact_key = models.CharField(max_length=80, db_index=True)
    consent = models.ForeignKey(
        "accounts.ConsentRecord", on_delete=models.PROTECT, null=True, related_name="+"
    )
    channel = models.CharField(_("channel"), max_length=16)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    language = models.CharField(max_length=8, default="ru")
    status = models.CharField(
        _("status"), max_length=12, choices=IntentionStatus.choices, default=IntentionStatus.NEW
    )
    # The answer given at once (category, candidates, fee, deadlines, documents), as shown.
    answer = models.JSONField(default=dict)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    staff_note = models.TextField(_("internal note"), blank=True)

    class Meta:
        verbose_name = _("connection request-intention")
        verbose_name_plural = _("connection request-intentions")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["branch", "status", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(power_new_kw__gt=0) & models.Q(power_existing_kw__gte=0),
                name="intention_power_positive",
            )
        ]

    def __str__(self):
        return self.number
