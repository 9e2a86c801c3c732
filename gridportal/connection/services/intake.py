"""Request-intention intake: the one path every channel's «заявка-намерение» takes.

A request-intention has no legal force and starts no clock (ПП 861 defines the binding
заявка); it gets a number, an immediate answer and becomes a lead for the branch's
connection staff.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from gridportal.accounts.consents import CONNECTION_INTENTION
from gridportal.accounts.services import consent_record
from gridportal.core.contacts import contact_key, email_normalize, phone_normalize
from gridportal.core.exceptions import ApplicationError, RateLimited
from gridportal.core.intake import Origin
from gridportal.core.limits import limit_hit
from gridportal.grid.models import ServiceAddress

from ..choices import ApplicantKind, ObjectKind, Reliability, Voltage
from ..models import ConnectionIntention
from ..rules import rule_values
from .answer import intention_answer

CONSENT_MESSAGE = _("We can accept the form only with your consent to data processing.")
RATE_LIMITED_MESSAGE = _("Too many requests were sent from here in the last hour; try again later.")


@dataclass(frozen=True)
class IntentionSubmission:
    """A validated request-intention as any channel hands it over."""

    address: ServiceAddress
    applicant_kind: str
    object_kind: str
    power_new_kw: Decimal
    voltage: str
    reliability: str
    name: str
    power_existing_kw: Decimal = Decimal("0")
    social: bool = False
    phone: str = ""
    email: str = ""
    consent_given: bool = False

    @classmethod
    def from_cleaned(cls, data: dict) -> IntentionSubmission:
        return cls(
            address=data["address"],
            applicant_kind=data["applicant_kind"],
            object_kind=data["object_kind"],
            power_new_kw=data["power_new_kw"],
            power_existing_kw=data.get("power_existing_kw") or Decimal("0"),
            voltage=data["voltage"],
            reliability=data["reliability"],
            social=bool(data.get("social")),
            name=data["name"],
            phone=data.get("phone", ""),
            email=data.get("email", ""),
            consent_given=bool(data.get("consent")),
        )


@dataclass
class IntentionReceipt:
    intention: ConnectionIntention
    duplicate: bool


def _check(submission: IntentionSubmission, values: dict) -> None:
    if submission.applicant_kind not in ApplicantKind.values:
        raise ApplicationError(_("Choose who applies."), code="applicant_kind")
    if submission.object_kind not in ObjectKind.values:
        raise ApplicationError(_("Choose what you connect."), code="object_kind")
    if submission.voltage not in Voltage.values:
        raise ApplicationError(_("Choose the voltage."), code="voltage")
    if submission.reliability not in Reliability.values:
        raise ApplicationError(_("Choose the reliability category."), code="reliability")
    limit = values["max_request_kw"]
    if not (Decimal("0") < submission.power_new_kw <= limit):
        raise ApplicationError(
            _("Give the new power in kW: more than 0 and at most {limit} kW.").format(limit=limit),
            code="power_new_kw",
        )
    if not (Decimal("0") <= submission.power_existing_kw <= limit):
        raise ApplicationError(
            _("Give the power already connected in kW: 0 to {limit} kW.").format(limit=limit),
            code="power_existing_kw",
        )


@transaction.atomic
def intention_submit(
    *, submission: IntentionSubmission, origin: Origin, now: dt.datetime | None = None
) -> IntentionReceipt:
    """Accept a request-intention: check, consent, repeats, limits, answer, persist, letter."""
    now = now or timezone.now()
    values = rule_values(timezone.localdate(now))
    _check(submission, values)
    phone = phone_normalize(submission.phone)
    email = email_normalize(submission.email)
    if not (phone or email):
        raise ApplicationError(_("Give a phone number or an e-mail address."), code="email")
    if not submission.consent_given:
        raise ApplicationError(CONSENT_MESSAGE, code="consent")
    contact = contact_key(phone=phone, email=email, ip_address=origin.ip_address)
    address = submission.address
    window = dt.timedelta(minutes=int(values["repeat_window_minutes"]))
    earlier = (
        ConnectionIntention.objects.filter(
            contact_key=contact,
            address=address,
            power_new_kw=submission.power_new_kw,
            voltage=submission.voltage,
            created_at__gte=now - window,
        )
        .order_by("-created_at")
        .first()
    )
    if earlier is not None:
        return IntentionReceipt(earlier, True)
    if limit_hit(
        group="connection.intention.ip",
        value=origin.ip_address or "",
        limit=int(values["limit_per_ip_hour"]),
    ):
        raise RateLimited(RATE_LIMITED_MESSAGE)
    consent = consent_record(purpose=CONNECTION_INTENTION, origin=origin, contact=phone or email)
    answer = intention_answer(
        branch=address.branch,
        address=address,
        point=None,
        applicant=submission.applicant_kind,
        object_kind=submission.object_kind,
        power_new_kw=submission.power_new_kw,
        power_existing_kw=submission.power_existing_kw,
        voltage=submission.voltage,
        reliability=submission.reliability,
        social=submission.social,
        on=timezone.localdate(now),
    )
    intention = ConnectionIntention.objects.create(
        created_at=now,
        branch=address.branch,
        address=address,
        place=address.label,
        latitude=address.latitude,
        longitude=address.longitude,
        applicant_kind=submission.applicant_kind,
        object_kind=submission.object_kind,
        power_new_kw=submission.power_new_kw,
        power_existing_kw=submission.power_existing_kw,
        voltage=submission.voltage,
        reliability=submission.reliability,
        social=submission.social,
        category=answer["category"]["code"],
        name=submission.name[:200],
        phone=phone,
        email=email,
        contact_key=contact,
        consent=consent,
        channel=origin.channel,
        ip_address=origin.ip_address,
        language=translation.get_language() or "ru",
        answer=answer,
    )
    intention.number = f"ЗН-{now.year}-{intention.pk:06d}"
    intention.save(update_fields=["number"])
    if email:
        from ..tasks import intention_letter_send

        transaction.on_commit(lambda: intention_letter_send.delay(intention_id=intention.pk))
    return IntentionReceipt(intention, False)
