"""Booking intake: the one path every channel's appointment takes; cancel and move by code."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gridportal.accounts.consents import OFFICE_BOOKING
from gridportal.accounts.services import consent_record, consent_withdraw
from gridportal.core.contacts import contact_key, email_normalize, phone_normalize
from gridportal.core.exceptions import ApplicationError, RateLimited
from gridportal.core.intake import Origin
from gridportal.core.limits import limit_hit

from ..choices import BookingStatus, RuleKey
from ..models import ACTIVE_BOOKING, Booking, Desk, Office
from ..rules import rule
from ..selectors import free_slots, schedule_of, service_duration

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8

CONSENT_MESSAGE = _("We can book the visit only with your consent to data processing.")
CONTACT_MESSAGE = _("Give a phone number or an e-mail address so that we can confirm the visit.")
NAME_MESSAGE = _("Tell us your name.")
SERVICE_MESSAGE = _("This office does not offer that service; choose another one.")
SLOT_TAKEN_MESSAGE = _(
    "Sorry, this time has just been taken by someone else. Choose another free time."
)
DAY_LIMIT_MESSAGE = _(
    "You already have as many bookings for that day as one person may hold. Cancel one of "
    "them or choose another day."
)
RATE_LIMITED_MESSAGE = _("Too many booking attempts from here in the last hour. Try again later.")
NOT_FOUND_MESSAGE = _("There is no booking with this code.")
NOT_ACTIVE_MESSAGE = _("This booking has already been cancelled or used.")


class SlotTaken(ApplicationError):
    """The chosen time is no longer free (someone booked it first)."""

    status = 409

    def __init__(self, message=SLOT_TAKEN_MESSAGE, *, code="slot_taken", extra=None):
        super().__init__(message, code=code, extra=extra)


class BookingNotFound(ApplicationError):
    status = 404

    def __init__(self, message=NOT_FOUND_MESSAGE, *, code="code", extra=None):
        super().__init__(message, code=code, extra=extra)


@dataclass(frozen=True)
class BookingSubmission:
    """A validated booking request as any channel hands it over (contacts as typed)."""

    office_id: int
    service: str
    starts_at: dt.datetime
    name: str
    phone: str = ""
    email: str = ""
    consent_given: bool = False
    language: str = "ru"

    @classmethod
    def from_cleaned(cls, data: dict) -> BookingSubmission:
        office = data["office"]
        return cls(
            office_id=office.pk if isinstance(office, Office) else int(office),
            service=data["service"],
            starts_at=data["starts_at"],
            name=data.get("name", ""),
            phone=data.get("phone", ""),
            email=data.get("email", ""),
            consent_given=bool(data.get("consent")),
            language=data.get("language") or "ru",
        )


def code_generate() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _office_locked(office_id: int) -> Office:
    """The office row, locked until the transaction ends: bookings of one office queue up here."""
    office = Office.objects.select_for_update().filter(pk=office_id, is_active=True).first()
    if office is None:
        raise ApplicationError(_("Choose a service centre."), code="office")
    return office


def _take_slot(office: Office, *, service: str, starts_at: dt.datetime, now, exclude=None):
    """The desk and end of a still-free slot, or SlotTaken."""
    if service_duration(office, service) is None:
        raise ApplicationError(SERVICE_MESSAGE, code="service")
    day = schedule_of(office).local(starts_at).date()
    for slot in free_slots(office, service=service, day=day, now=now, exclude=exclude):
        if slot.start == starts_at:
            desk = Desk.objects.get(office=office, number=slot.free_desks[0])
            return desk, slot.end
    raise SlotTaken()


def _day_limit_check(office: Office, *, contact: str, starts_at: dt.datetime, exclude=None):
    schedule = schedule_of(office)
    day = schedule.local(starts_at).date()
    start = dt.datetime.combine(day, dt.time.min, schedule.tz)
    held = Booking.objects.filter(
        ACTIVE_BOOKING,
        contact_key=contact,
        starts_at__gte=start,
        starts_at__lt=start + dt.timedelta(days=1),
    )
    if exclude is not None:
        held = held.exclude(pk=exclude.pk)
    if held.count() >= int(rule(RuleKey.BOOKINGS_PER_DAY, day)):
        raise ApplicationError(DAY_LIMIT_MESSAGE, code="limit")


def _insert(booking: Booking) -> Booking:
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as error:
        # The unique (desk, start) of live bookings: someone got there first.
        raise SlotTaken() from error
    return booking


@transaction.atomic
def booking_submit(
    *, submission: BookingSubmission, origin: Origin, now: dt.datetime | None = None
) -> Booking:
    """Book a visit from any channel: contacts normalised, consent required and recorded,
    limits applied, the slot taken under the office's row lock, persisted before we answer;
    the confirmation goes out after commit."""
    now = now or timezone.now()
    name = " ".join((submission.name or "").split())
    if not name:
        raise ApplicationError(NAME_MESSAGE, code="name")
    phone = phone_normalize(submission.phone)
    email = email_normalize(submission.email)
    if not (phone or email):
        raise ApplicationError(CONTACT_MESSAGE, code="phone")
    if not submission.consent_given:
        raise ApplicationError(CONSENT_MESSAGE, code="consent")
    if submission.starts_at.tzinfo is None:
        raise ApplicationError(_("Choose a free time."), code="starts_at")
    if origin.user is None and limit_hit(
        group="offices.booking.ip",
        value=origin.ip_address or "",
        limit=int(rule(RuleKey.SUBMITS_PER_HOUR, timezone.localdate(now))),
    ):
        raise RateLimited(RATE_LIMITED_MESSAGE)
    contact = contact_key(phone=phone, email=email)
    office = _office_locked(submission.office_id)
    _day_limit_check(office, contact=contact, starts_at=submission.starts_at)
    desk, ends_at = _take_slot(
        office, service=submission.service, starts_at=submission.starts_at, now=now
    )
    consent = consent_record(purpose=OFFICE_BOOKING, origin=origin, contact=email or phone)
    booking = Booking(
        code=code_generate(),
        office=office,
        desk=desk,
        service=submission.service,
        starts_at=submission.starts_at,
        ends_at=ends_at,
        name=name[:200],
        phone=phone,
        email=email,
        contact_key=contact,
        language=submission.language if submission.language in ("ru", "en") else "ru",
        consent=consent,
        channel=origin.channel,
        created_at=now,
    )
    _insert(booking)
    if booking.email:
        transaction.on_commit(lambda: _send(booking.pk, "confirmation"))
    return booking


def _send(booking_id: int, kind: str) -> None:
    from ..tasks import send_booking_message

    send_booking_message.delay(booking_id, kind)


def booking_by_code(code: str) -> Booking:
    code = (code or "").strip().upper()
    booking = Booking.objects.select_related("office", "desk").filter(code=code).first()
    if booking is None:
        raise BookingNotFound()
    return booking


@transaction.atomic
def booking_cancel(*, code: str, now: dt.datetime | None = None) -> Booking:
    """Cancel a booking by its code; the slot is free again at once."""
    now = now or timezone.now()
    booking = booking_by_code(code)
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status != BookingStatus.BOOKED:
        raise ApplicationError(NOT_ACTIVE_MESSAGE, code="code")
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = now
    booking.save(update_fields=["status", "cancelled_at"])
    if booking.consent_id:
        consent_withdraw(record_id=booking.consent_id, at=now)
    if booking.email:
        transaction.on_commit(lambda: _send(booking.pk, "cancelled"))
    return booking


@transaction.atomic
def booking_move(*, code: str, starts_at: dt.datetime, now: dt.datetime | None = None) -> Booking:
    """Move a booking to another free time of the same office and service."""
    now = now or timezone.now()
    booking = booking_by_code(code)
    office = _office_locked(booking.office_id)
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status != BookingStatus.BOOKED:
        raise ApplicationError(NOT_ACTIVE_MESSAGE, code="code")
    _day_limit_check(office, contact=booking.contact_key, starts_at=starts_at, exclude=booking)
    desk, ends_at = _take_slot(
        office, service=booking.service, starts_at=starts_at, now=now, exclude=booking
    )
    booking.desk, booking.starts_at, booking.ends_at = desk, starts_at, ends_at
    booking.reminded_at = None
    try:
        with transaction.atomic():
            booking.save(update_fields=["desk", "starts_at", "ends_at", "reminded_at"])
    except IntegrityError as error:
        raise SlotTaken() from error
    if booking.email:
        transaction.on_commit(lambda: _send(booking.pk, "confirmation"))
    return booking
