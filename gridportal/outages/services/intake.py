"""Report intake: the one path every channel's outage report takes."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import time
from dataclasses import dataclass
from functools import cached_property

from django.core import signing
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gridportal.accounts.consents import OUTAGE_REPORT
from gridportal.accounts.services import consent_build
from gridportal.core import metrics
from gridportal.core.contacts import contact_key, email_normalize, phone_normalize
from gridportal.core.exceptions import ApplicationError, RateLimited
from gridportal.core.inserts import Source, SourceMissing, fetch_prepared, insert_with_parent
from gridportal.core.intake import Origin
from gridportal.core.limits import Limit, limits_hit, limits_uncount
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
from .rollups import rollup_deferred, rollup_request

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


class AddressMissing(ApplicationError):
    """The report's address is not (or no longer) in the register: nothing was written."""


@dataclass(frozen=True)
class Submission:
    """A validated outage report as any channel hands it over (contacts as typed); the
    address as read, or only its id (its branch and substation are read as the report is
    written, in the same statement: services/intake.py)."""

    address: ServiceAddress | int
    problem: str
    phone: str = ""
    email: str = ""
    comment: str = ""
    consent_given: bool = False
    callback_requested: bool = False

    @property
    def address_id(self) -> int:
        return self.address.pk if isinstance(self.address, ServiceAddress) else self.address

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


def _limits(*, origin: Origin, contact: str, address_id: int, values) -> tuple[Limit, ...]:
    """The per-sender, per-contact and per-address hourly limits (dated rules; 0 = off)."""
    return (
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


def _limited(hit: Limit) -> RateLimited:
    if hit.group == "outages.report.address":
        return RateLimited(ADDRESS_LIMITED_MESSAGE)
    return RateLimited(RATE_LIMITED_MESSAGE)


def _repeat_query(*, address_id: int, contact: str, since: dt.datetime) -> tuple[str, list]:
    """The same contact's latest report for the same address since a time (one indexed read)."""
    table = OutageReport._meta.db_table
    return (
        f"SELECT id FROM {table} WHERE address_id = %s AND contact_key = %s "  # noqa: S608
        "AND created_at >= %s ORDER BY created_at DESC LIMIT 1",
        [address_id, contact, connection.ops.adapt_datetimefield_value(since)],
    )


def _repeat_receipt(report_id: int, limits: tuple[Limit, ...], counted_at: float) -> ReportReceipt:
    """An earlier report sent again: not an attempt of its own for the limits (its count is
    taken back), counted once more on the report, and answered as the report stands."""
    limits_uncount(*limits, at=counted_at)
    OutageReport.objects.filter(pk=report_id).update(repeat_count=F("repeat_count") + 1)
    return ReportReceipt(OutageReport.objects.get(pk=report_id), True)


def report_submit(
    *, submission: Submission, origin: Origin, now: dt.datetime | None = None
) -> ReportReceipt:
    """Accept a report from any channel: contacts normalised once, consent recorded, repeats
    recognised, limits applied, persisted before we answer; the roll-up onto the network
    follows in this transaction or, deferred, on a worker (services/rollups.py).

    Deferred, nothing here needs a transaction of its own: the consent and the report are
    written by one statement (core/inserts.py), committed before the answer is made.
    """
    now = now or timezone.now()
    metrics.report_received(origin.channel)
    if submission.problem not in Problem.values:
        raise ApplicationError(_("Choose what is wrong with the power."), code="problem")
    phone = phone_normalize(submission.phone)
    email = email_normalize(submission.email)
    if (phone or email) and not submission.consent_given:
        raise ApplicationError(CONSENT_MESSAGE, code="consent")
    with contextlib.nullcontext() if rollup_deferred() else transaction.atomic():
        return _report_store(
            submission=submission,
            origin=origin,
            now=now,
            address_id=submission.address_id,
            phone=phone,
            email=email,
        )


def _address_source(address_id: int, now: dt.datetime) -> Source:
    """The report's address, branch and substation, and what follows from being off the
    network (placed at once, unassigned with its reason), read as the report is written."""
    table = ServiceAddress._meta.db_table
    return Source(
        f"SELECT id, branch_id, substation_id, "  # noqa: S608
        f"CASE WHEN substation_id IS NULL THEN %s ELSE '' END, "
        f"CASE WHEN substation_id IS NULL THEN %s END FROM {table} WHERE id = %s",
        [
            UnassignedReason.NOT_ON_NETWORK.value,
            now,  # aware: read back as the same time on PostgreSQL and SQLite alike
            address_id,
        ],
        ("address_id", "branch_id", "substation_id", "unassigned_reason", "rolled_up_at"),
    )


def _report_store(*, submission, origin, now, address_id, phone, email) -> ReportReceipt:
    values = rule_values(timezone.localdate(now))
    contact = contact_key(phone=phone, email=email, ip_address=origin.ip_address)
    window = dt.timedelta(minutes=int(values[RuleKey.DUPLICATE_WINDOW_MINUTES]))
    repeat = _repeat_query(address_id=address_id, contact=contact, since=now - window)
    # Counted first, in one round trip; a repeat of an earlier report is not an attempt of
    # its own (it takes its count back) and is never refused.
    limits = _limits(origin=origin, contact=contact, address_id=address_id, values=values)
    counted_at = time.time()
    hit = limits_hit(*limits, at=counted_at)
    if hit is not None:
        earlier = fetch_prepared(*repeat) if contact else []
        if not earlier:
            raise _limited(hit)
        return _repeat_receipt(earlier[0][0], limits, counted_at)

    consent = None
    if submission.consent_given:
        consent = consent_build(purpose=OUTAGE_REPORT, origin=origin, contact=phone or email)
    callback_due = None
    if submission.callback_requested:
        callback_due = now + dt.timedelta(hours=float(values[RuleKey.CALLBACK_HOURS]))
    report = OutageReport(
        created_at=now,
        problem=submission.problem,
        urgent=submission.problem == Problem.HAZARD,
        channel=origin.channel,
        phone=phone,
        email=email,
        contact_key=contact,
        comment=(submission.comment or "")[:1000],
        ip_address=origin.ip_address,
        created_by=origin.user,
        callback_status=(
            CallbackStatus.PENDING if submission.callback_requested else CallbackStatus.NONE
        ),
        callback_due_at=callback_due,
    )
    if isinstance(submission.address, ServiceAddress):
        report.address = submission.address  # as read (the statement reads its ids again)
    # Written with its address's branch and substation (off the network there is nothing
    # to roll up: placed, unassigned, at once) unless the repeat is found, in one
    # statement (core/inserts.py).
    try:
        earlier = insert_with_parent(
            report,
            consent,
            link="consent",
            unless=repeat if contact else None,
            source=_address_source(address_id, now),
        )
    except SourceMissing:
        limits_uncount(*limits, at=counted_at)  # not an attempt: nothing to report on
        raise AddressMissing(_("No such address."), code="address") from None
    if earlier is not None:
        return _repeat_receipt(earlier, limits, counted_at)
    metrics.report_acknowledged(origin.channel)
    # The answer needs only what is known already (an incident covering the address); the
    # roll-up places the report here or, at storm scale, on a worker moments later.
    if report.substation_id is not None and rollup_request(
        substation_id=report.substation_id, now=now, urgent=report.urgent
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
