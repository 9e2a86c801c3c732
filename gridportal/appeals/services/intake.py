"""Appeal intake: the one path every channel's appeal takes (web, staff desk, API, Open311)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from gridportal.accounts.consents import APPEAL
from gridportal.accounts.services import consent_record
from gridportal.core.contacts import contact_key, email_normalize, phone_normalize
from gridportal.core.exceptions import ApplicationError, RateLimited
from gridportal.core.intake import Origin
from gridportal.core.limits import limit_hit
from gridportal.core.uploads import Upload
from gridportal.grid.models import ServiceAddress
from gridportal.outages.services.intake import Submission as OutageSubmission
from gridportal.outages.services.intake import report_submit

from ..choices import AnswerChannel, AppealType, Channel, EventKind, RuleKey, Topic
from ..deadlines import callback_due
from ..models import Appeal, AppealEvent
from ..rules import rule_values
from .attachments import attachments_store
from .clock import due_for
from .notify import acknowledgement_send
from .numbering import code_hash, code_new, number_next

DAY = 24 * 3600
TEXT_MAX = 5000

RATE_LIMITED_MESSAGE = _(
    "Too many appeals were sent from here recently. Please try again later or call the hotline."
)
CONSENT_MESSAGE = _("We can accept the appeal only with your consent to data processing.")
CONTACT_MESSAGE = _(
    "Give an e-mail, a phone number or a postal address so that we can answer you, "
    "or send the appeal anonymously."
)
HAZARD_ADDRESS_MESSAGE = _(
    "Choose the address of the danger so that the dispatchers can send a crew. If anyone is "
    "in danger, call 112."
)


@dataclass(frozen=True)
class Submission:
    """A validated appeal as any channel hands it over (contacts as typed)."""

    appeal_type: str
    topic: str
    text: str
    address: ServiceAddress | None = None
    branch_id: int | None = None  # staff registering an appeal without an address
    anonymous: bool = False
    name: str = ""
    phone: str = ""
    email: str = ""
    postal_address: str = ""
    answer_channel: str = ""
    consent_given: bool = False
    attachments: tuple[Upload, ...] = field(default_factory=tuple)
    contract_number: str = ""
    device_address: str = ""
    problem_started_at: dt.datetime | None = None
    demand: str = ""
    callback_requested: bool = False
    user: object | None = None  # the signed-in customer

    @classmethod
    def from_cleaned(cls, data: dict, *, user=None) -> Submission:
        """From a form's cleaned_data or a serializer's validated_data (same field names)."""
        branch = data.get("branch")
        return cls(
            appeal_type=data["appeal_type"],
            topic=data["topic"],
            text=data.get("text", ""),
            address=data.get("address"),
            branch_id=getattr(branch, "pk", branch),
            anonymous=bool(data.get("anonymous")),
            name=data.get("name", ""),
            phone=data.get("phone", ""),
            email=data.get("email", ""),
            postal_address=data.get("postal_address", ""),
            answer_channel=data.get("answer_channel", ""),
            consent_given=bool(data.get("consent")),
            attachments=tuple(data.get("attachments") or ()),
            contract_number=data.get("contract_number", ""),
            device_address=data.get("device_address", ""),
            problem_started_at=data.get("problem_started_at"),
            demand=data.get("demand", ""),
            callback_requested=bool(data.get("callback_requested")),
            user=user if user is not None and getattr(user, "is_authenticated", False) else None,
        )


@dataclass
class AppealReceipt:
    appeal: Appeal
    code: str  # shown once: on the success page and in the acknowledgement


def _check(submission: Submission) -> None:
    if submission.appeal_type not in AppealType.values:
        raise ApplicationError(_("Choose the type of the appeal."), code="appeal_type")
    if submission.topic not in Topic.values:
        raise ApplicationError(_("Choose what the appeal is about."), code="topic")
    if not (submission.text or "").strip():
        raise ApplicationError(_("Write what the appeal is about."), code="text")
    if len(submission.text) > TEXT_MAX:
        raise ApplicationError(
            _("The text is too long: at most {n} characters.").format(n=TEXT_MAX), code="text"
        )
    if submission.answer_channel and submission.answer_channel not in AnswerChannel.values:
        raise ApplicationError(_("Choose how to answer you."), code="answer_channel")
    if submission.topic == Topic.SAFETY_HAZARD and submission.address is None:
        raise ApplicationError(HAZARD_ADDRESS_MESSAGE, code="address")
    if submission.address is None and submission.branch_id is None:
        raise ApplicationError(_("Choose the address the appeal is about."), code="address")


def _limits_check(*, origin: Origin, contact: str, values) -> None:
    if origin.user is None and limit_hit(
        group="appeals.submit.ip",
        value=origin.ip_address or "",
        limit=int(values[RuleKey.LIMIT_PER_IP_HOUR]),
    ):
        raise RateLimited(RATE_LIMITED_MESSAGE)
    if (
        contact
        and not contact.startswith("ip:")
        and limit_hit(
            group="appeals.submit.contact",
            value=contact,
            limit=int(values[RuleKey.LIMIT_PER_CONTACT_DAY]),
            period=DAY,
        )
    ):
        raise RateLimited(RATE_LIMITED_MESSAGE)


def _hazard_report(*, appeal: Appeal, origin: Origin) -> int:
    """A safety hazard goes straight to the dispatchers as an urgent outage report."""
    channel = "web" if appeal.channel == Channel.WEB and origin.user is None else "phone"
    receipt = report_submit(
        submission=OutageSubmission(
            address=appeal.address,
            problem="hazard",
            comment=f"{appeal.number}: {appeal.text}"[:1000],
        ),
        origin=Origin(
            channel=channel,
            ip_address=origin.ip_address,
            user_agent=origin.user_agent,
            user=origin.user,
        ),
    )
    return receipt.report.pk


@transaction.atomic
def appeal_submit(
    *, submission: Submission, origin: Origin, now: dt.datetime | None = None
) -> AppealReceipt:
    """Register an appeal from any channel: contacts normalised once, consent recorded,
    limits applied, number and due date given, persisted before anyone is told «accepted»."""
    now = now or timezone.now()
    _check(submission)
    channel = origin.channel if origin.channel in Channel.values else Channel.OTHER
    anonymous = submission.anonymous
    phone = "" if anonymous else phone_normalize(submission.phone)
    email = "" if anonymous else email_normalize(submission.email)
    postal = "" if anonymous else (submission.postal_address or "").strip()[:400]
    name = "" if anonymous else (submission.name or "").strip()[:200]
    if not anonymous and not (phone or email or postal or submission.user is not None):
        raise ApplicationError(CONTACT_MESSAGE, code="email")
    if not anonymous and not submission.consent_given and origin.user is None:
        raise ApplicationError(CONSENT_MESSAGE, code="consent")
    today = timezone.localdate(now)
    values = rule_values(today)
    contact = contact_key(phone=phone, email=email, ip_address=origin.ip_address)
    _limits_check(origin=origin, contact=contact, values=values)

    consent = None
    if not anonymous and submission.consent_given:
        consent = consent_record(purpose=APPEAL, origin=origin, contact=email or phone or name)
    address = submission.address
    branch_id = address.branch_id if address is not None else submission.branch_id
    code = code_new()
    appeal = Appeal(
        number=number_next(year=today.year),
        code_hash=code_hash(code),
        registered_at=now,
        channel=channel,
        appeal_type=submission.appeal_type,
        topic=submission.topic,
        branch_id=branch_id,
        district_id=address.district_id if address is not None else None,
        address=address,
        text=submission.text.strip(),
        anonymous=anonymous,
        name=name,
        phone=phone,
        email=email,
        postal_address=postal,
        contact_key="" if contact.startswith("ip:") else contact,
        answer_channel="" if anonymous else submission.answer_channel,
        language=(get_language() or settings.LANGUAGE_CODE)[:2],
        user=None if anonymous else submission.user,
        consent=consent,
        ip_address=origin.ip_address,
        created_by=origin.user,
        contract_number=submission.contract_number.strip()[:64],
        device_address=submission.device_address.strip()[:400],
        problem_started_at=submission.problem_started_at,
        demand=submission.demand.strip()[:2000],
        clock_started_on=today,
        due_on=today,
    )
    appeal.due_on = due_for(appeal, today=today)
    if submission.callback_requested and channel == Channel.PHONE:
        appeal.callback_due_at = callback_due(
            received_at=now, hours=int(values[RuleKey.CALLBACK_HOURS])
        )
    appeal.save()
    event = AppealEvent.objects.create(
        appeal=appeal,
        at=now,
        actor=origin.user,
        kind=EventKind.REGISTERED,
        details={"channel": channel, "due_on": appeal.due_on.isoformat()},
    )
    attachments_store(
        appeal=appeal,
        event=event,
        uploads=submission.attachments,
        limit=int(values[RuleKey.MAX_ATTACHMENTS]),
    )
    if appeal.topic == Topic.SAFETY_HAZARD:
        appeal.outage_report_ref = _hazard_report(appeal=appeal, origin=origin)
        appeal.save(update_fields=["outage_report_ref"])
        AppealEvent.objects.create(
            appeal=appeal,
            at=now,
            kind=EventKind.HAZARD_REPORTED,
            details={"report": appeal.outage_report_ref},
        )
    if appeal.email:
        transaction.on_commit(lambda: acknowledgement_send(appeal_id=appeal.pk, code=code))
    return AppealReceipt(appeal, code)
