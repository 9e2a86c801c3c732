from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gridportal.core.models import TimeStampedModel
from gridportal.grid.models import PowerCentre, PowerTransformer, Substation

from .choices import (
    CapacityStatus,
    CommitmentKind,
    Constraint,
    ImportKind,
    ImportStatus,
    Season,
    SnapshotStatus,
)


class LoadMeasurement(TimeStampedModel):
    """The load of one power transformer on a control measurement day."""

    # How rows reach their branch, for the branch scope (accounts/scoping.py, decision 0013).
    branch_path = "power_centre__branch"

    transformer = models.ForeignKey(
        PowerTransformer, on_delete=models.CASCADE, related_name="load_measurements"
    )
    power_centre = models.ForeignKey(
        PowerCentre, on_delete=models.CASCADE, related_name="load_measurements"
    )
    measured_on = models.DateField(_("measurement day"))
    season = models.CharField(_("season"), max_length=8, choices=Season.choices)
    load_mva = models.DecimalField(_("load, MVA"), max_digits=8, decimal_places=3)
    source_file = models.CharField(_("source file"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("load measurement")
        verbose_name_plural = _("load measurements")
        ordering = ["-measured_on", "transformer__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["transformer", "measured_on"], name="load_unique_per_day"
            ),
            models.CheckConstraint(condition=models.Q(load_mva__gte=0), name="load_nonnegative"),
        ]
        indexes = [models.Index(fields=["power_centre", "-measured_on"])]

    def __str__(self):
        return f"{self.transformer} {self.measured_on} {self.load_mva}"


class CommittedCapacity(TimeStampedModel):
    """Power promised under a connection contract or technical conditions and not yet built."""

    branch_path = "power_centre__branch"

    power_centre = models.ForeignKey(
        PowerCentre, on_delete=models.CASCADE, related_name="committed_capacity"
    )
    site = models.CharField(_("site (cadastral number or site id)"), max_length=64, db_index=True)
    kind = models.CharField(_("kind"), max_length=8, choices=CommitmentKind.choices)
    document_number = models.CharField(_("contract or TU number"), max_length=64)
    document_date = models.DateField(_("document date"))
    kw = models.DecimalField(_("power, kW"), max_digits=10, decimal_places=1)
    built = models.BooleanField(_("built"), default=False)
    source_file = models.CharField(_("source file"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("committed capacity")
        verbose_name_plural = _("committed capacity")
        ordering = ["power_centre", "site", "document_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["power_centre", "document_number"], name="committed_unique_document"
            ),
            models.CheckConstraint(condition=models.Q(kw__gt=0), name="committed_kw_positive"),
        ]

    def __str__(self):
        return f"{self.document_number} {self.site} {self.kw} kW"


class CapacitySnapshot(TimeStampedModel):
    """A quarterly disclosure of free capacity «по состоянию на» a date, kept once published."""

    as_of = models.DateField(_("as of"), unique=True)
    status = models.CharField(
        _("status"), max_length=12, choices=SnapshotStatus.choices, default=SnapshotStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        verbose_name = _("quarterly publication")
        verbose_name_plural = _("quarterly publications")
        ordering = ["-as_of"]

    def __str__(self):
        return str(self.as_of)


class CapacityAssessment(models.Model):
    """The calculated free capacity of one power centre: current (no snapshot) or as published."""

    branch_path = "power_centre__branch"

    snapshot = models.ForeignKey(
        CapacitySnapshot,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="assessments",
    )
    power_centre = models.ForeignKey(
        PowerCentre, on_delete=models.CASCADE, related_name="capacity_assessments"
    )
    calculated_at = models.DateTimeField(_("calculated at"))
    measured_on = models.DateField(_("measurement day"), null=True, blank=True)
    transformer_count = models.PositiveSmallIntegerField(_("transformers"))
    rated_total_mva = models.DecimalField(_("installed, MVA"), max_digits=10, decimal_places=3)
    permissible_mva = models.DecimalField(
        _("permissible load (N-1), MVA"), max_digits=10, decimal_places=3
    )
    load_mva = models.DecimalField(_("measured load, MVA"), max_digits=10, decimal_places=3)
    committed_mva = models.DecimalField(_("committed, MVA"), max_digits=10, decimal_places=3)
    committed_kw = models.DecimalField(
        _("committed, kW (each site once)"), max_digits=12, decimal_places=3
    )
    reserve_mva = models.DecimalField(_("reserve, MVA"), max_digits=10, decimal_places=3)
    reserve_mw = models.DecimalField(_("reserve, MW"), max_digits=10, decimal_places=3)
    status = models.CharField(_("status"), max_length=8, choices=CapacityStatus.choices)
    constraint = models.CharField(_("constraint"), max_length=12, choices=Constraint.choices)
    overload_factor = models.DecimalField(max_digits=4, decimal_places=2)
    coincidence_factor = models.DecimalField(max_digits=4, decimal_places=2)
    cos_phi = models.DecimalField(max_digits=4, decimal_places=2)
    threshold_mva = models.DecimalField(max_digits=8, decimal_places=3)
    # Every figure of the calculation, as shown to users and served by the API.
    details = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("capacity assessment")
        verbose_name_plural = _("capacity assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["snapshot", "power_centre"], name="assessment_unique_per_snapshot"
            ),
            models.UniqueConstraint(
                fields=["power_centre"],
                condition=models.Q(snapshot__isnull=True),
                name="assessment_unique_current",
            ),
        ]
        indexes = [models.Index(fields=["snapshot", "status", "reserve_mva"])]

    def __str__(self):
        return f"{self.power_centre_id} {self.status} {self.reserve_mva}"


class SubstationLoad(models.Model):
    """The measured load of a 6–10/0.4 kV substation, for the indicative small-applicant headroom."""

    branch_path = "substation__branch"

    substation = models.ForeignKey(Substation, on_delete=models.CASCADE, related_name="loads")
    measured_on = models.DateField(_("measurement day"))
    load_kva = models.DecimalField(_("load, kVA"), max_digits=8, decimal_places=1)

    class Meta:
        verbose_name = _("substation load")
        verbose_name_plural = _("substation loads")
        constraints = [
            models.UniqueConstraint(
                fields=["substation", "measured_on"], name="tp_load_unique_per_day"
            )
        ]

    def __str__(self):
        return f"{self.substation_id} {self.measured_on} {self.load_kva}"


class SensitiveSubstation(models.Model):
    """A substation whose headroom is published only in aggregate (security or commercial reasons)."""

    branch_path = "substation__branch"

    substation = models.OneToOneField(
        Substation, on_delete=models.CASCADE, related_name="capacity_sensitivity"
    )
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("sensitive substation")
        verbose_name_plural = _("sensitive substations")

    def __str__(self):
        return str(self.substation)


class CapacityImport(TimeStampedModel):
    """A file a staff member uploaded at the console: kept privately with how its import went.

    The bytes are in the private storage (`core.uploads`) under `stored_file`; the person's
    name for the file is `source_file`. A large file is imported by a Celery task.
    """

    kind = models.CharField(_("kind"), max_length=16, choices=ImportKind.choices)
    status = models.CharField(
        _("status"), max_length=8, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    source_file = models.CharField(_("file name"), max_length=200)
    stored_file = models.CharField(_("stored file"), max_length=200, editable=False)
    rows_estimate = models.PositiveIntegerField(_("rows (estimate)"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    result = models.JSONField(_("result"), default=dict, blank=True)
    message = models.CharField(_("message"), max_length=500, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # The uploader's language: a background import writes its errors in it.
    language = models.CharField(_("language"), max_length=8, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("capacity import")
        verbose_name_plural = _("capacity imports")

    def __str__(self):
        return self.source_file

    @property
    def is_active(self) -> bool:
        return self.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)
