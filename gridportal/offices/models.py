from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gridportal.core.models import Branch, District, TimeStampedModel
from gridportal.grid.models import Settlement

from .choices import (
    RUSSIAN_TIME_ZONES,
    BookingStatus,
    ExceptionKind,
    ServiceKind,
    VisitKind,
    VisitStatus,
)


class Office(TimeStampedModel):
    """A customer service centre (ЦОК): where people come in person."""

    branch_path = "branch"

    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, verbose_name=_("branch"))
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("district")
    )
    settlement = models.ForeignKey(
        Settlement, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("settlement")
    )
    name = models.CharField(pgettext_lazy("offices", "name"), max_length=200)
    address = models.CharField(_("address"), max_length=300)
    latitude = models.FloatField(
        _("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    phones = models.CharField(_("phones"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=40, choices=RUSSIAN_TIME_ZONES, default="Europe/Moscow"
    )
    step_free = models.BooleanField(_("step-free entrance"), default=False)
    parking = models.BooleanField(_("parking"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    directions = models.TextField(_("how to get there"), blank=True, max_length=1000)
    slot_minutes = models.PositiveSmallIntegerField(
        _("slot step, minutes"), default=15, validators=[MinValueValidator(5)]
    )
    is_active = models.BooleanField(_("open to visitors"), default=True)

    class Meta:
        verbose_name = _("service centre")
        verbose_name_plural = _("service centres")
        ordering = ["branch__name", "name"]

    def __str__(self):
        return self.name


class OfficeService(models.Model):
    """A service an office offers, and how long a booked visit for it takes."""

    branch_path = "office__branch"

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="services")
    kind = models.CharField(_("service"), max_length=16, choices=ServiceKind.choices)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration, minutes"),
        default=20,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
    )

    class Meta:
        verbose_name = _("office service")
        verbose_name_plural = _("office services")
        ordering = ["office", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["office", "kind"], name="offices_service_once"),
        ]

    def __str__(self):
        return f"{self.office}: {self.get_kind_display()}"


class OfficeHours(models.Model):
    """The regular hours of an office on one weekday, with an optional break."""

    branch_path = "office__branch"

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(
        _("weekday"), validators=[MaxValueValidator(6)], help_text=_("0 = Monday")
    )
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    break_start = models.TimeField(_("break from"), null=True, blank=True)
    break_end = models.TimeField(_("break until"), null=True, blank=True)

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["office", "weekday"]
        constraints = [
            models.UniqueConstraint(fields=["office", "weekday"], name="offices_hours_weekday"),
            models.CheckConstraint(
                condition=Q(closes__gt=models.F("opens")), name="offices_hours_order"
            ),
        ]

    def __str__(self):
        return f"{self.office}: {self.weekday} {self.opens}–{self.closes}"


class OfficeException(models.Model):
    """A dated change to an office's hours: closed over a period, or other hours on a day."""

    branch_path = "office__branch"

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="exceptions")
    first_day = models.DateField(_("from"))
    last_day = models.DateField(_("until"))
    kind = models.CharField(_("kind"), max_length=8, choices=ExceptionKind.choices)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("hours exception")
        verbose_name_plural = _("hours exceptions")
        ordering = ["office", "first_day"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_day__gte=models.F("first_day")), name="offices_exception_order"
            ),
        ]

    def __str__(self):
        return f"{self.office}: {self.first_day}–{self.last_day} {self.get_kind_display()}"


class Desk(models.Model):
    """A window where an operator receives visitors."""

    branch_path = "office__branch"

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="desks")
    number = models.PositiveSmallIntegerField(_("desk number"), validators=[MinValueValidator(1)])
    is_active = models.BooleanField(_("in service"), default=True)

    class Meta:
        verbose_name = _("desk")
        verbose_name_plural = _("desks")
        ordering = ["office", "number"]
        constraints = [
            models.UniqueConstraint(fields=["office", "number"], name="offices_desk_number"),
        ]

    def __str__(self):
        return f"{self.office}: {self.number}"


ACTIVE_BOOKING = Q(status__in=[BookingStatus.BOOKED, BookingStatus.ARRIVED])


class Booking(models.Model):
    """An appointment a person booked at an office: a service at a desk at a time."""

    branch_path = "office__branch"

    code = models.CharField(_("code"), max_length=12, unique=True)
    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("office")
    )
    desk = models.ForeignKey(Desk, on_delete=models.PROTECT, related_name="bookings")
    service = models.CharField(_("service"), max_length=16, choices=ServiceKind.choices)
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    name = models.CharField(pgettext_lazy("offices", "name"), max_length=200)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    contact_key = models.CharField(max_length=200, db_index=True, editable=False)
    language = models.CharField(max_length=8, default="ru")
    consent = models.ForeignKey(
        "accounts.ConsentRecord", on_delete=models.PROTECT, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=BookingStatus.choices, default=BookingStatus.BOOKED
    )
    channel = models.CharField(_("channel"), max_length=16, blank=True)
    created_at = models.DateTimeField(_("booked at"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts_at", "desk__number"]
        constraints = [
            # The last line against double booking: one live booking per desk and start.
            models.UniqueConstraint(
                fields=["desk", "starts_at"],
                condition=ACTIVE_BOOKING,
                name="offices_desk_slot_once",
            ),
        ]

    def __str__(self):
        return self.code


class Visit(models.Model):
    """A person at the office: a ticket from arrival to the end of service."""

    branch_path = "office__branch"

    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="visits", verbose_name=_("office")
    )
    day = models.DateField(_("day"))
    ticket = models.CharField(_("ticket"), max_length=8)
    kind = models.CharField(_("kind"), max_length=8, choices=VisitKind.choices)
    booking = models.OneToOneField(
        Booking, on_delete=models.PROTECT, null=True, blank=True, related_name="visit"
    )
    service = models.CharField(_("service"), max_length=16, choices=ServiceKind.choices)
    name = models.CharField(pgettext_lazy("offices", "name"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=VisitStatus.choices, default=VisitStatus.WAITING
    )
    desk = models.ForeignKey(Desk, on_delete=models.PROTECT, null=True, blank=True)
    arrived_at = models.DateTimeField(_("arrived"), default=timezone.now)
    called_at = models.DateTimeField(_("called"), null=True, blank=True)
    started_at = models.DateTimeField(_("service started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("service ended"), null=True, blank=True)

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["office", "arrived_at"]
        constraints = [
            models.UniqueConstraint(fields=["office", "day", "ticket"], name="offices_ticket_once"),
        ]

    def __str__(self):
        return self.ticket

    @property
    def wait(self):
        """Arrival → start of service (None until served)."""
        if self.started_at is None:
            return None
        return self.started_at - self.arrived_at

    @property
    def wait_minutes(self) -> int | None:
        wait = self.wait
        return None if wait is None else max(0, round(wait.total_seconds() / 60))
