from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gridportal.core.models import Branch, TimeStampedModel
from gridportal.grid.models import ServiceAddress

from .choices import (
    ApplicantKind,
    Category,
    DocumentKind,
    EventKind,
    IntentionStatus,
    ObjectKind,
    Reason,
    Reliability,
    Stage,
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

    number = models.CharField(
        pgettext_lazy("connection", "number"), max_length=20, unique=True, blank=True
    )
    created_at = models.DateTimeField(_("received at"), db_index=True)
    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, related_name="+")
    address = models.ForeignKey(
        ServiceAddress, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    place = models.CharField(_("place"), max_length=400)
    # The address's coordinates, or the point the applicant marked on the map (no address).
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    applicant_kind = models.CharField(_("applicant"), max_length=16, choices=ApplicantKind.choices)
    object_kind = models.CharField(
        pgettext_lazy("connection", "object"), max_length=16, choices=ObjectKind.choices
    )
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
            ),
            models.CheckConstraint(
                condition=models.Q(address__isnull=False)
                | (models.Q(latitude__isnull=False) & models.Q(longitude__isnull=False)),
                name="intention_address_or_point",
            ),
        ]

    def __str__(self):
        return self.number

    @property
    def point(self) -> tuple[float, float] | None:
        """The point marked on the map when the applicant gave no address."""
        if self.address_id is None and self.latitude is not None and self.longitude is not None:
            return (self.latitude, self.longitude)
        return None

    def where(self) -> str:
        """The address, or «точка 61,78912° с. ш., …» in the reader's language."""
        from .points import point_label

        point = self.point
        return point_label(*point) if point else self.place

    def map_url(self) -> str:
        from .points import osm_url

        point = self.point
        return osm_url(*point) if point else ""


class ConnectionApplication(TimeStampedModel):
    """A full application for technological connection (заявка, ПП 861 п. 9) and its clocks."""

    branch_path = "branch"

    number = models.CharField(
        pgettext_lazy("connection", "number"), max_length=20, unique=True, null=True, blank=True
    )
    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, related_name="+")
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="connection_applications"
    )
    intention = models.ForeignKey(
        ConnectionIntention, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    address = models.ForeignKey(ServiceAddress, on_delete=models.PROTECT, related_name="+")
    applicant_kind = models.CharField(_("applicant"), max_length=16, choices=ApplicantKind.choices)
    applicant_name = models.CharField(_("full name or company"), max_length=200)
    identity = models.CharField(
        _("passport or ОГРН/ИНН"), max_length=200, help_text=_("Series, number, issued by, date")
    )
    cadastral_number = models.CharField(_("cadastral number"), max_length=40, blank=True)
    object_kind = models.CharField(
        pgettext_lazy("connection", "object"), max_length=16, choices=ObjectKind.choices
    )
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices)
    # Empty only in a draft saved before its power step; registration requires it.
    power_new_kw = models.DecimalField(
        _("new power, kW"), max_digits=9, decimal_places=1, null=True, blank=True
    )
    power_existing_kw = models.DecimalField(
        _("power already connected, kW"), max_digits=9, decimal_places=1, default=0
    )
    voltage = models.CharField(_("voltage"), max_length=4, choices=Voltage.choices)
    reliability = models.CharField(
        _("reliability category"), max_length=1, choices=Reliability.choices
    )
    schedule = models.CharField(
        _("staged commissioning schedule"),
        max_length=500,
        blank=True,
        help_text=_("e.g. «stage 1: 06.2027, 50 kW»; empty for one stage"),
    )
    supplier = models.CharField(_("future supplier (guaranteeing supplier)"), max_length=200)
    social = models.BooleanField(_("claims a social category"), default=False)
    procurement = models.BooleanField(_("buys under 44-ФЗ or 275-ФЗ"), default=False)
    category = models.CharField(_("category"), max_length=16, choices=Category.choices, blank=True)
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices, default=Stage.DRAFT)
    consent = models.ForeignKey(
        "accounts.ConsentRecord", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    language = models.CharField(max_length=8, default="ru")
    submitted_at = models.DateTimeField(_("registered at"), null=True, blank=True)
    # Legal due dates (local dates), moved on by the working days the clock stood still.
    offer_due = models.DateField(_("offer due"), null=True, blank=True)
    applicant_due = models.DateField(_("applicant to complete by"), null=True, blank=True)
    paused_since = models.DateField(_("clock paused since"), null=True, blank=True)
    paused_working_days = models.PositiveIntegerField(default=0)
    offer_on = models.DateField(_("offer issued on"), null=True, blank=True)
    payment_due = models.DateField(_("payment due"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    completion_due = models.DateField(_("completion due"), null=True, blank=True)
    # After payment the two sides' works run side by side; then one step after another.
    company_works_on = models.DateField(_("company's works done on"), null=True, blank=True)
    readiness_notice_on = models.DateField(_("readiness notice received on"), null=True, blank=True)
    inspection_due = models.DateField(_("inspection due"), null=True, blank=True)
    inspected_on = models.DateField(_("inspected on"), null=True, blank=True)
    act_due = models.DateField(_("connection act due"), null=True, blank=True)
    act_on = models.DateField(_("connection act issued on"), null=True, blank=True)
    energize_due = models.DateField(_("energizing due"), null=True, blank=True)
    completed_on = models.DateField(_("connected on"), null=True, blank=True)
    annulled_on = models.DateField(_("annulled on"), null=True, blank=True)
    fee_total = models.DecimalField(
        _("fee, ₽"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    power_centre_id_committed = models.PositiveIntegerField(null=True, blank=True)
    substation_name = models.CharField(_("substation (ТП)"), max_length=64, blank=True)
    tu_number = models.CharField(_("technical conditions number"), max_length=40, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("connection application")
        verbose_name_plural = _("connection applications")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["branch", "stage"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(power_new_kw__gt=0) & models.Q(power_existing_kw__gte=0),
                name="application_power_positive",
            )
        ]

    def __str__(self):
        return self.number or f"draft {self.pk}"


class ApplicationEvent(models.Model):
    """One step of an application's timeline (or an internal comment of staff)."""

    branch_path = "application__branch"

    application = models.ForeignKey(
        ConnectionApplication, on_delete=models.CASCADE, related_name="events"
    )
    at = models.DateTimeField(_("at"))
    kind = models.CharField(_("kind"), max_length=12, choices=EventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.TextField(_("text"), blank=True)
    internal = models.BooleanField(_("staff only"), default=False)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("application event")
        verbose_name_plural = _("application events")

    def __str__(self):
        return f"{self.application_id} {self.kind}"


class ApplicationDocument(models.Model):
    """A file attached to an application, kept privately (core.uploads)."""

    branch_path = "application__branch"

    application = models.ForeignKey(
        ConnectionApplication, on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    file_name = models.CharField(_("file name"), max_length=200)
    stored_file = models.CharField(max_length=200, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded at"))

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")

    def __str__(self):
        return self.file_name
