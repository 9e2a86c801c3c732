"""Report intake: the one path every channel's outage report takes."""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from functools import cached_property

from django.core import signing
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gridportal.accounts.consents import OUTAGE_REPORT
from gridportal.accounts.services import consent_record
from gridportal.core import metrics
from gridportal.core.contacts import contact_key, email_normalize, phone_normalize
from gridportal.core.exceptions import ApplicationError, RateLimited
from gridportal.core.intake import Origin
from gridportal.core.limits import Limit, limits_hit
from gridportal.grid.models import ServiceAddress

from ..choices import (
    CallbackStatus,
    Channel,
    IncidentStatus,
    Problem,
    RuleKey,
    UnassignedReason,
)
from ..models import Incident, IncidentSubstation, OutageReport
from ..rules import rule_values
from ..snapshot import State, answer_from_dict
from .notify import STILL_OUT_SALT
from .rollups import rollup_request

STILL_OUT_MAX_AGE = 7 * 24 * 3600

logger = logging.getLogger(__name__)

RATE_LIMITED_MESSAGE = _(
    "Too many reports were sent from here in the last hour. If you are in danger call 112; "
    "otherwise please call the hotline or try again later."
)
ADDRESS_LIMITED_MESSAGE = _(
    "We already have many reports from this address and are working on them. "
    "There is no need to report it again."
)
CONSENT_MESSAGE = _("We can accept the form only with your consent to data processing.")


@dataclass(frozen=True)
class Submission:
    """A validated outage report as any channel hands it over (contacts as typed)."""

    address: ServiceAddress
    problem: str
    phone: str = ""
    email: str = ""
    comment: str = ""
    consent_given: bool = False
    callback_requested: bool = False

    @classmethod
    def from_cleaned(cls, data: dict) -> Submission:
        """From a form's cleaned_data or a serializer's validated_data (same field names)."""
        return cls(
            address=data["address"],
            problem=data["problem"],
            phone=data.get("phone", ""),
            email=data.get("email", ""),
            comment=data.get("comment", ""),
            consent_given=bool(data.get("consent")),
            callback_requested=bool(data.get("callback_requested")),
        )


@dataclass
class ReportReceipt:
    report: OutageReport
    duplicate: bool

    @cached_property
    def incident(self) -> Incident | None:
        """A confirmed incident already covering the address (read when someone asks)."""
        return covering_incident(self.report)

    def known_outage(self) -> tuple[int, dt.datetime | None] | None:
        """(incident id, estimated restoration) of the confirmed outage known at the address.

        Rolled up in the request, that is the incident itself; deferred to a worker (storm
        scale), the answer comes from the node's copy of the published snapshot, seconds
        old at most, without a query.
        """
        report = self.report
        if report.substation_id is None:
            return None
        if report.rolled_up_at is None:
            return snapshot_outage(report.substation_id)
        incident = self.incident
        return (incident.pk, incident.etr) if incident is not None else None


def snapshot_outage(substation_id: int) -> tuple[int, dt.datetime | None] | None:
    """The confirmed outage the current snapshot shows at a substation, if any."""
    from ..storm.services import SnapshotUnavailable, snapshot_current

    try:
        found = snapshot_current().answer(substation_id)
    except SnapshotUnavailable:
        return None
    if found is None or not found[0].startswith("s"):
        return None  # no such substation, or nothing touches it
    answer = answer_from_dict(json.loads(found[1]))
    if answer.state != State.OUTAGE or answer.incident is None:
        return None
    return answer.incident.id, answer.incident.etr


def _limits_check(*, origin: Origin, contact: str, address_id: int, values) -> None:
    """The per-sender, per-contact and per-address hourly limits (dated rules; 0 = off),
    counted together in one round trip to the shared cache."""
    hit = limits_hit(
        # Operators type calls in from the office: its address is not a flood.
        Limit(
            "outages.report.ip",
            "" if origin.channel == Channel.PHONE else (origin.ip_address or ""),
            int(values[RuleKey.LIMIT_PER_IP_HOUR]),
        ),
        Limit(
            "outages.report.contact",
            "" if contact.startswith("ip:") else contact,
            int(values[RuleKey.LIMIT_PER_PHONE_HOUR]),
        ),
        Limit(
            "outages.report.address", str(address_id), int(values[RuleKey.LIMIT_PER_ADDRESS_HOUR])
        ),
    )
    if hit is None:
        return
    if hit.group == "outages.report.address":
        raise RateLimited(ADDRESS_LIMITED_MESSAGE)
    raise RateLimited(RATE_LIMITED_MESSAGE)


def _repeat_of(*, address: ServiceAddress, contact: str, window: dt.timedelta, now):
    """The same contact's report for the same address inside the window, counted once more."""
    if not contact:
        return None
    # The usual answer is «none»: one indexed read, without building a query each time.
    table = OutageReport._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM {table} WHERE address_id = %s AND contact_key = %s "  # noqa: S608
            "AND created_at >= %s ORDER BY created_at DESC LIMIT 1",
            [address.pk, contact, connection.ops.adapt_datetimefield_value(now - window)],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    OutageReport.objects.filter(pk=row[0]).update(repeat_count=F("repeat_count") + 1)
    return OutageReport.objects.get(pk=row[0])


@transaction.atomic
def report_submit(
    *, submission: Submission, origin: Origin, now: dt.datetime | None = None
) -> ReportReceipt:
    """Accept a report from any channel: contacts normalised once, consent recorded, repeats
    recognised, limits applied, persisted before we answer; the roll-up onto the network
    follows in this transaction or, deferred, on a worker (services/rollups.py)."""
    now = now or timezone.now()
    metrics.report_received(origin.channel)
    if submission.problem not in Problem.values:
        raise ApplicationError(_("Choose what is wrong with the power."), code="problem")
    address = submission.address
    phone = phone_normalize(submission.phone)
    email = email_normalize(submission.email)
    if (phone or email) and not submission.consent_given:
        raise ApplicationError(CONSENT_MESSAGE, code="consent")
    values = rule_values(now.date())
    contact = contact_key(phone=phone, email=email, ip_address=origin.ip_address)
    window = dt.timedelta(minutes=int(values[RuleKey.DUPLICATE_WINDOW_MINUTES]))
    earlier = _repeat_of(address=address, contact=contact, window=window, now=now)
    if earlier is not None:
        return ReportReceipt(earlier, True)
    _limits_check(origin=origin, contact=contact, address_id=address.pk, values=values)

    consent = None
    if submission.consent_given:
        consent = consent_record(purpose=OUTAGE_REPORT, origin=origin, contact=phone or email)
    callback_due = None
    if submission.callback_requested:
        callback_due = now + dt.timedelta(hours=float(values[RuleKey.CALLBACK_HOURS]))
    report = OutageReport.objects.create(
        created_at=now,
        address=address,
        branch_id=address.branch_id,
        substation_id=address.substation_id,
        problem=submission.problem,
        urgent=submission.problem == Problem.HAZARD,
        channel=origin.channel,
        phone=phone,
        email=email,
        contact_key=contact,
        comment=(submission.comment or "")[:1000],
        ip_address=origin.ip_address,
        consent=consent,
        created_by=origin.user,
        callback_status=(
            CallbackStatus.PENDING if submission.callback_requested else CallbackStatus.NONE
        ),
        callback_due_at=callback_due,
        unassigned_reason=(
            UnassignedReason.NOT_ON_NETWORK if address.substation_id is None else ""
        ),
        # Off the network there is nothing to roll up: placed (unassigned) at once.
        rolled_up_at=now if address.substation_id is None else None,
    )
    metrics.report_acknowledged(origin.channel)
    # The answer needs only what is known already (an incident covering the address); the
    # roll-up places the report here or, at storm scale, on a worker moments later.
    if address.substation_id is not None and rollup_request(
        substation_id=address.substation_id, now=now, urgent=report.urgent
    ):
        report.refresh_from_db()
    return ReportReceipt(report, False)


def covering_incident(report: OutageReport) -> Incident | None:
    if report.substation_id is None:
        return None
    return (
        Incident.objects.filter(
            status=IncidentStatus.CONFIRMED,
            coverage__substation_id=report.substation_id,
            coverage__restored_at__isnull=True,
        )
        .order_by("id")
        .first()
    )


def still_out_report(
    *, address_id: int, token: str, ip_address: str | None = None
) -> ReportReceipt:
    """The link in the «restored» message: the address is still out, possibly a nested fault."""
    try:
        incident_id = signing.loads(token, salt=STILL_OUT_SALT, max_age=STILL_OUT_MAX_AGE)
    except signing.BadSignature as error:
        raise ApplicationError(
            _("This link is not valid or has expired. Please report the outage on the form."),
            code="token",
        ) from error
    address = ServiceAddress.objects.filter(pk=address_id).first()
    if (
        address is None
        or not IncidentSubstation.objects.filter(
            incident_id=incident_id, substation_id=address.substation_id
        ).exists()
    ):
        raise ApplicationError(
            _("This link is not valid or has expired. Please report the outage on the form."),
            code="token",
        )
    return report_submit(
        submission=Submission(address=address, problem=Problem.NO_POWER),
        origin=Origin(channel=Channel.CALLBACK, ip_address=ip_address),
    )
