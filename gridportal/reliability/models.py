from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gridportal.core.models import Branch, District, TimeStampedModel
from gridportal.grid.models import Feeder, PowerCentre, Substation

from .choices import Cause, Source, VoltageLevel


class InterruptionEvent(TimeStampedModel):
    """One interruption of supply: everything one fault or one piece of planned work switched off.

    It comes from a restored incident of the hotline (`incident_id`, source «portal») or
    from an imported file (`key`, the file's `event` column, source «import»).
    """

    branch_path = "branch"

    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, verbose_name=_("branch"))
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    key = models.CharField(_("event"), max_length=64)
    incident_id = models.PositiveIntegerField(_("incident"), null=True, blank=True, unique=True)
    planned = models.BooleanField(_("planned"), default=False)
    cause = models.CharField(
        _("cause"), max_length=16, choices=Cause.choices, default=Cause.UNKNOWN
    )
    started_at = models.DateTimeField(_("started"))
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    corrected = models.BooleanField(
        _("corrected by a dispatcher"),
        default=False,
        help_text=_("A synchronisation from the hotline no longer overwrites a corrected event."),
    )

    class Meta:
        verbose_name = _("interruption")
        verbose_name_plural = _("interruptions")
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "key"], name="reliability_event_unique_key")
        ]

    def __str__(self):
        return f"{self.key} {self.started_at:%Y-%m-%d %H:%M}"


class InterruptionRecord(models.Model):
    """One substation's customers off in one interruption until one restoration step."""

    branch_path = "branch"

    event = models.ForeignKey(
        InterruptionEvent, on_delete=models.CASCADE, related_name="records", verbose_name=_("event")
    )
    # Denormalised from the event and the network so that a year's figures are one scan.
    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, verbose_name=_("branch"))
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("district")
    )
    substation = models.ForeignKey(
        Substation, on_delete=models.PROTECT, related_name="+", verbose_name=_("substation")
    )
    feeder = models.ForeignKey(
        Feeder, on_delete=models.PROTECT, related_name="+", verbose_name=_("feeder")
    )
    power_centre = models.ForeignKey(
        PowerCentre, on_delete=models.PROTECT, related_name="+", verbose_name=_("power centre")
    )
    level = models.CharField(
        _("voltage level"), max_length=4, choices=VoltageLevel.choices, default=VoltageLevel.NN
    )
    customers = models.PositiveIntegerField(_("customers"))
    started_at = models.DateTimeField(_("started"))
    restored_at = models.DateTimeField(_("restored"))
    planned = models.BooleanField(_("planned"), default=False)
    minutes = models.FloatField(_("minutes"), default=0, editable=False)
    customer_minutes = models.FloatField(_("customer-minutes"), default=0, editable=False)
    operations = models.PositiveSmallIntegerField(
        _("operations"),
        default=1,
        help_text=_("Reclosing operations of a momentary interruption."),
    )

    class Meta:
        verbose_name = _("interruption record")
        verbose_name_plural = _("interruption records")
        ordering = ["started_at", "id"]
        indexes = [
            models.Index(fields=["started_at"], name="reliability_rec_started"),
            models.Index(fields=["branch", "started_at"], name="reliability_rec_branch"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(restored_at__gte=models.F("started_at")),
                name="reliability_record_restored_after_start",
            )
        ]

    def __str__(self):
        return f"{self.event_id}: {self.substation_id} {self.customers}"

    def save(self, *args, **kwargs):
        self.fill()
        if kwargs.get("update_fields"):
            kwargs["update_fields"] = {*kwargs["update_fields"], "minutes", "customer_minutes"}
        super().save(*args, **kwargs)

    def fill(self) -> "InterruptionRecord":
        """Compute the stored duration (every writer calls it; bulk_create skips save())."""
        self.minutes = (self.restored_at - self.started_at).total_seconds() / 60.0
        self.customer_minutes = self.minutes * self.customers
        return self
