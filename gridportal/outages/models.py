from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from gridportal.core.models import Branch, District, TimeStampedModel
from gridportal.grid.models import Feeder, PowerCentre, ServiceAddress, Settlement, Substation

from .choices import (
    CallbackStatus,
    Cause,
    Channel,
    CrewStatus,
    EventKind,
    FacilityKind,
    IncidentStatus,
    Level,
    Open311ServiceCode,
    PlannedStatus,
    Problem,
    SpecialNeed,
    UnassignedReason,
)


def _count(n: int) -> str:
    """A count as the reader writes it: «12 345» in Russian, «12,345» in English."""
    return number_format(n, use_l10n=True, force_grouping=True)


class Incident(TimeStampedModel):
    """An outage on one network element, predicted from reports or confirmed by a dispatcher."""

    # How rows reach their branch, for the branch scope (accounts/scoping.py, decision 0013).
    branch_path = "branch"

    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, verbose_name=_("branch"))
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("district")
    )
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    power_centre = models.ForeignKey(
        PowerCentre, on_delete=models.PROTECT, verbose_name=_("power centre")
    )
    feeder = models.ForeignKey(
        Feeder, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("feeder")
    )
    substation = models.ForeignKey(
        Substation, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("substation")
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=IncidentStatus.choices,
        default=IncidentStatus.PREDICTED,
        db_index=True,
    )
    pinned = models.BooleanField(
        _("held by a dispatcher"),
        default=False,
        help_text=_("The roll-up no longer reshapes an incident a dispatcher has worked on."),
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    restored_at = models.DateTimeField(_("restored"), null=True, blank=True)
    cause = models.CharField(
        _("cause"), max_length=16, choices=Cause.choices, default=Cause.UNKNOWN
    )
    crew_status = models.CharField(
        _("crew status"), max_length=16, choices=CrewStatus.choices, default=CrewStatus.NOT_ASSIGNED
    )
    etr = models.DateTimeField(_("estimated restoration"), null=True, blank=True)
    etr_updated_at = models.DateTimeField(_("estimate updated"), null=True, blank=True)
    first_etr = models.DateTimeField(_("first estimate"), null=True, blank=True)
    public_message = models.TextField(_("public message"), blank=True, max_length=1000)
    customers_affected = models.PositiveIntegerField(_("customers affected"), default=0)
    customers_out = models.PositiveIntegerField(_("customers still out"), default=0)
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_from"
    )
    crew = models.ForeignKey(
        "Crew",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="incidents",
        verbose_name=_("assigned crew"),
    )

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["branch", "status"])]

    def __str__(self):
        return _("Incident {number} on {element}").format(number=self.number, element=self.element)

    @property
    def number(self) -> str:
        return f"{self.pk:06d}" if self.pk else "—"

    @property
    def element(self):
        return {
            Level.SUBSTATION: self.substation,
            Level.FEEDER: self.feeder,
            Level.POWER_CENTRE: self.power_centre,
        }[self.level]

    @property
    def is_active(self) -> bool:
        return self.status in (IncidentStatus.PREDICTED, IncidentStatus.CONFIRMED)

    @property
    def status_text(self) -> str:
        """The one status sentence (outages/wording.py): incident state and crew state together."""
        from .wording import status_text

        return status_text(self.status, self.crew_status)


class IncidentSubstation(models.Model):
    """A substation an incident leaves without power, until it is restored (step by step)."""

    branch_path = "incident__branch"

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="coverage")
    substation = models.ForeignKey(
        Substation, on_delete=models.PROTECT, related_name="incident_coverage"
    )
    customers = models.PositiveIntegerField(_("customers"), default=0)
    restored_at = models.DateTimeField(_("restored"), null=True, blank=True)

    class Meta:
        verbose_name = _("incident substation")
        verbose_name_plural = _("incident substations")
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "substation"], name="incident_substation_unique"
            )
        ]
        indexes = [models.Index(fields=["substation", "restored_at"])]

    def __str__(self):
        return f"{self.incident_id}: {self.substation_id}"


class IncidentEvent(models.Model):
    """One change to an incident: what, who and when. Public kinds make the public history."""

    branch_path = "incident__branch"

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("by"),
    )
    kind = models.CharField(_("what"), max_length=16, choices=EventKind.choices)
    public = models.BooleanField(_("public"), default=False)
    etr = models.DateTimeField(_("estimated restoration"), null=True, blank=True)
    text = models.CharField(_("details"), max_length=1000, blank=True)
    details = models.JSONField(_("data"), default=dict, blank=True)

    class Meta:
        verbose_name = _("incident event")
        verbose_name_plural = _("incident events")
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()}"

    @property
    def display_text(self) -> str:
        """The detail in the reader's language: the kind is the message, `details` its values.

        Only what a person wrote (a reason, a public message, element names) is kept as text.
        """
        details = self.details or {}
        if self.kind == EventKind.CAUSE and details.get("cause") in Cause.values:
            return str(Cause(details["cause"]).label)
        if self.kind == EventKind.CREW and details.get("crew_status") in CrewStatus.values:
            return str(CrewStatus(details["crew_status"]).label)
        if self.kind in (EventKind.PREDICTED, EventKind.MOVED_UP) and "reports" in details:
            n = int(details["reports"])
            return ngettext("{n} report", "{n} reports", n).format(n=_count(n))
        if self.kind == EventKind.REPORTS_MOVED and isinstance(details.get("reports"), list):
            n = int(details.get("moved", len(details["reports"])))
            return ngettext("{n} report moved", "{n} reports moved", n).format(n=_count(n))
        return self.text


class OutageReport(models.Model):
    """A customer's report that something is wrong with the power at an address."""

    branch_path = "branch"

    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    # Every index is paid by every report of a storm: the address and the branch lead the
    # composite indexes below, which serve their look-ups too.
    address = models.ForeignKey(
        ServiceAddress, on_delete=models.PROTECT, related_name="outage_reports", db_index=False
    )
    branch = models.ForeignKey(
        Branch, on_delete=models.PROTECT, verbose_name=_("branch"), db_index=False
    )
    substation = models.ForeignKey(
        Substation, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("substation")
    )
    problem = models.CharField(_("problem"), max_length=16, choices=Problem.choices)
    urgent = models.BooleanField(_("urgent (danger)"), default=False)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    open311_service = models.CharField(
        _("Open311 service"),
        max_length=20,
        choices=Open311ServiceCode.choices,
        blank=True,
        help_text=_("The service an Open311 client chose, for reports that came through Open311."),
    )
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    contact_key = models.CharField(max_length=200, blank=True, editable=False)
    comment = models.TextField(_("comment"), blank=True, max_length=1000)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    incident = models.ForeignKey(
        Incident,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("incident"),
    )
    unassigned_reason = models.CharField(
        _("why unassigned"), max_length=20, choices=UnassignedReason.choices, blank=True
    )
    manual = models.BooleanField(
        _("placed by a dispatcher"),
        default=False,
        help_text=_("The roll-up leaves reports a dispatcher has moved where they are."),
    )
    repeat_count = models.PositiveIntegerField(_("repeated"), default=0)
    # Empty while the report waits for the roll-up of its power centre (a worker does it
    # seconds after the report was acknowledged); the sweep rolls up any left behind.
    rolled_up_at = models.DateTimeField(_("rolled up"), null=True, blank=True, editable=False)
    consent = models.ForeignKey(
        "accounts.ConsentRecord", on_delete=models.PROTECT, null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    callback_status = models.CharField(
        _("call back"), max_length=8, choices=CallbackStatus.choices, blank=True, default=""
    )
    callback_due_at = models.DateTimeField(_("call back by"), null=True, blank=True)
    callback_done_at = models.DateTimeField(_("called back"), null=True, blank=True)
    callback_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("outage report")
        verbose_name_plural = _("outage reports")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["address", "contact_key", "created_at"]),
            models.Index(fields=["branch", "callback_status"]),
            # The sweep's question «which reports still wait for a roll-up?» reads only these.
            models.Index(
                fields=["created_at"],
                condition=models.Q(rolled_up_at__isnull=True),
                name="outages_report_not_rolled_up",
            ),
        ]

    def __str__(self):
        return _("Report {number}").format(number=self.number)

    @property
    def number(self) -> str:
        return f"{self.pk:07d}" if self.pk else "—"


class CriticalFacility(TimeStampedModel):
    """A socially important consumer (hospital, boiler house, water pumping) fed by a substation."""

    branch_path = "branch"

    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, verbose_name=_("branch"))
    substation = models.ForeignKey(
        Substation,
        on_delete=models.PROTECT,
        related_name="critical_facilities",
        verbose_name=_("substation"),
    )
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=16, choices=FacilityKind.choices)
    contact_phone = models.CharField(_("duty phone"), max_length=32, blank=True)
    has_backup_power = models.BooleanField(_("has backup power"), default=False)
    notes = models.CharField(_("notes"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("critical facility")
        verbose_name_plural = _("critical facilities")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name


class PlannedOutage(TimeStampedModel):
    """Planned maintenance that switches substations off, published in advance with its reason."""

    branch_path = "branch"

    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, verbose_name=_("branch"))
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("district")
    )
    settlement = models.ForeignKey(
        Settlement, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("settlement")
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    reason = models.CharField(_("reason"), max_length=500)
    area_description = models.CharField(_("streets and houses"), max_length=1000, blank=True)
    substations = models.ManyToManyField(
        Substation, related_name="planned_outages", verbose_name=_("substations switched off")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=PlannedStatus.choices, default=PlannedStatus.SCHEDULED
    )
    customers_affected = models.PositiveIntegerField(_("customers affected"), default=0)
    # When the work really switched the supply off and back on (set when it is marked done):
    # the interruption the reliability indices count, which may differ from the schedule.
    actual_starts_at = models.DateTimeField(_("actually started"), null=True, blank=True)
    actual_ends_at = models.DateTimeField(_("actually ended"), null=True, blank=True)

    class Meta:
        verbose_name = _("planned outage")
        verbose_name_plural = _("planned outages")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="planned_ends_after"
            )
        ]

    def __str__(self):
        return f"{self.starts_at:%Y-%m-%d %H:%M}: {self.reason[:60]}"

    @property
    def is_scheduled(self) -> bool:
        return self.status == PlannedStatus.SCHEDULED


class Crew(TimeStampedModel):
    """A field crew of a branch (оперативно-выездная бригада): who, how to call them."""

    branch_path = "branch"

    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, verbose_name=_("branch"))
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("district")
    )
    name = models.CharField(_("crew"), max_length=100, help_text=_("e.g. ОВБ-3"))
    leader = models.CharField(_("crew leader"), max_length=200)
    phone = models.CharField(_("phone"), max_length=32)
    members = models.CharField(_("members"), max_length=500, blank=True)
    active = models.BooleanField(_("on duty"), default=True)

    class Meta:
        verbose_name = _("crew")
        verbose_name_plural = _("crews")
        ordering = ["branch__name", "name"]
        constraints = [models.UniqueConstraint(fields=["branch", "name"], name="crew_unique_name")]

    def __str__(self):
        return f"{self.name} ({self.leader})"


class SpecialNeedsCustomer(TimeStampedModel):
    """A customer with special needs at an address (health data: only with explicit consent).

    Dependence on medical equipment is health data (152-FZ art. 10): a record of that kind
    cannot exist without the person's explicit consent (`consent`). Every staff view of the
    register is audited.
    """

    branch_path = "branch"

    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, verbose_name=_("branch"))
    address = models.ForeignKey(
        ServiceAddress, on_delete=models.PROTECT, related_name="+", verbose_name=_("address")
    )
    name = models.CharField(_("name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=32)
    need = models.CharField(_("need"), max_length=16, choices=SpecialNeed.choices)
    notes = models.CharField(_("notes"), max_length=500, blank=True)
    consent = models.ForeignKey(
        "accounts.ConsentRecord", on_delete=models.PROTECT, null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("customer with special needs")
        verbose_name_plural = _("customers with special needs")
        ordering = ["branch__name", "address__label"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(need="medical") | models.Q(consent__isnull=False),
                name="special_needs_medical_needs_consent",
            )
        ]

    def __str__(self):
        return f"{self.name}, {self.address.label}"
