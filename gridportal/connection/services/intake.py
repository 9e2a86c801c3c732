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
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from gridportal.accounts.consents import CONNECTION_INTENTION
from gridportal.accounts.services import consent_record
from gridportal.capacity import selectors as capacity_selectors
from gridportal.capacity.rules import haversine_km
from gridportal.core.contacts import contact_key, email_normalize, phone_normalize
from gridportal.core.exceptions import ApplicationError, RateLimited
from gridportal.core.intake import Origin
from gridportal.core.limits import limit_hit
from gridportal.grid.models import ServiceAddress, Substation

from ..choices import ApplicantKind, ObjectKind, Reliability, Voltage
from ..models import ConnectionIntention
from ..points import LATITUDE_MESSAGE, LONGITUDE_MESSAGE, point_label
from ..rules import rule_values
from .answer import intention_answer

WHERE_MESSAGE = _("Choose an address from the list or mark a point on the map.")
BOTH_COORDINATES_MESSAGE = _("Give both the latitude and the longitude of the point.")
BOTH_MESSAGE = _("Give either an address or a point on the map, not both.")
OUTSIDE_MESSAGE = _(
    "This point is outside the territory we serve: none of our transformer substations is "
    "within {km} km of it. Check the point, or choose an address from the list."
)
CONSENT_MESSAGE = _("We can accept the form only with your consent to data processing.")
RATE_LIMITED_MESSAGE = _("Too many requests were sent from here in the last hour; try again later.")


@dataclass(frozen=True)
class IntentionSubmission:
    """A validated request-intention as any channel hands it over."""

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
    # Where: a service address from the search, or a point (latitude, longitude) on the map.
    address: ServiceAddress | None = None
    point: tuple[float, float] | None = None

    @classmethod
    def from_cleaned(cls, data: dict) -> IntentionSubmission:
        return cls(
            address=data.get("address"),
            point=data.get("point"),
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
    if submission.address is None and submission.point is None:
        raise ApplicationError(WHERE_MESSAGE, code="address")
    if submission.address is not None and submission.point is not None:
        raise ApplicationError(BOTH_MESSAGE, code="address")
    if submission.point is not None:
        lat, lon = submission.point
        if not (-90 <= lat <= 90):
            raise ApplicationError(LATITUDE_MESSAGE, code="latitude")
        if not (-180 <= lon <= 180):
            raise ApplicationError(LONGITUDE_MESSAGE, code="longitude")
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


def point_branch(*, point: tuple[float, float], values: dict | None = None):
    """The branch of the ТП nearest to the point; a point with no ТП within the rule's
    distance is outside the company's territory (ApplicationError: 400, never a guess)."""
    values = values or rule_values(timezone.localdate())
    limit_m = int(values["point_max_distance_m"])
    near = capacity_selectors.nearest_substation_ids(latitude=point[0], longitude=point[1])
    substation = (
        Substation.objects.select_related("branch").filter(pk__in=near[:1]).first()
        if near
        else None
    )
    if (
        substation is None
        or substation.latitude is None
        or haversine_km(point[0], point[1], substation.latitude, substation.longitude) * 1000
        > limit_m
    ):
        km = Decimal(limit_m) / 1000
        raise ApplicationError(
            OUTSIDE_MESSAGE.format(km=number_format(km.normalize())), code="point"
        )
    return substation.branch


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
    if address is not None:
        branch, place, point = address.branch, address.label, None
        latitude, longitude = address.latitude, address.longitude
        where = {"address": address}
    else:
        point = submission.point
        branch = point_branch(point=point, values=values)
        place = point_label(*point)
        latitude, longitude = point
        where = {"address": None, "latitude": latitude, "longitude": longitude}
    window = dt.timedelta(minutes=int(values["repeat_window_minutes"]))
    earlier = (
        ConnectionIntention.objects.filter(
            contact_key=contact,
            **where,
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
        branch=branch,
        address=address,
        point=point,
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
        branch=branch,
        address=address,
        place=place,
        latitude=latitude,
        longitude=longitude,
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
