"""The applicant's timeline: every stage with its legal due date, the date it happened, why the
due date is what it is, and the company's documents issued at that stage. Pure: reads the
application's fields and the documents given, writes nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .choices import DocumentKind, Stage


@dataclass(frozen=True)
class Step:
    title: str
    due: dt.date | None
    done: dt.date | None
    current: bool = False
    paused: bool = False
    why: str = ""
    documents: list = field(default_factory=list)

    def state(self, today: dt.date) -> str:
        if self.done:
            return "done"
        if self.due and self.due < today:
            return "overdue"
        return "current" if self.current else "ahead"


def stage_due(a) -> dt.date | None:
    """The due date of what the application waits for now (the staff queue's «Due»)."""
    if a.stage == Stage.PAID:
        return a.inspection_due if a.readiness_notice_on else a.completion_due
    return {
        Stage.RECEIVED: a.offer_due,
        Stage.INCOMPLETE: a.applicant_due,
        Stage.OFFER: a.payment_due,
        Stage.INSPECTION: a.inspection_due,
        Stage.INSPECTED: a.act_due,
        Stage.ACT_ISSUED: a.energize_due,
    }.get(a.stage)


def steps(a, *, today: dt.date, documents=()) -> list[Step]:
    received = a.submitted_at.date() if a.submitted_at else None
    issued = {}
    for d in documents:
        issued.setdefault(d.kind, []).append(d)

    def papers(*kinds):
        return [d for kind in kinds for d in issued.get(kind, [])]

    contract = _("the contract's deadline for the whole connection")
    works = a.stage == Stage.PAID
    return [
        Step(_("Application received and registered"), None, received),
        Step(
            _("Checked; documents requested") if a.stage == Stage.INCOMPLETE else _("Checked"),
            a.offer_due,
            a.offer_on,
            current=a.stage in (Stage.RECEIVED, Stage.INCOMPLETE),
            paused=a.stage == Stage.INCOMPLETE,
        ),
        Step(
            _("Contract, technical conditions and invoice issued"),
            a.offer_due,
            a.offer_on,
            documents=papers(
                DocumentKind.CONTRACT, DocumentKind.TECHNICAL_CONDITIONS, DocumentKind.INVOICE
            ),
        ),
        Step(
            _("Invoice paid: contract concluded"),
            a.payment_due,
            a.paid_on,
            current=a.stage == Stage.OFFER,
        ),
        Step(
            _("Works by the company"),
            a.completion_due,
            a.company_works_on,
            current=works and not a.company_works_on,
            why=contract,
        ),
        Step(
            _("Works by the applicant: readiness notice sent"),
            a.completion_due,
            a.readiness_notice_on,
            current=works and not a.readiness_notice_on,
            why=contract,
            documents=papers(DocumentKind.READINESS_NOTICE),
        ),
        Step(
            _("Inspection of the works"),
            a.inspection_due or a.completion_due,
            a.inspected_on,
            current=a.stage == Stage.INSPECTION,
            why=_("after your readiness notice, within the contract's deadline")
            if a.inspection_due
            else contract,
        ),
        Step(
            _("Connection act issued"),
            a.act_due or a.completion_due,
            a.act_on,
            current=a.stage == Stage.INSPECTED,
            why=_("after the inspection, within the contract's deadline")
            if a.act_due
            else contract,
            documents=papers(DocumentKind.CONNECTION_ACT),
        ),
        Step(
            _("Energized: connection completed"),
            a.energize_due or a.completion_due,
            a.completed_on,
            current=a.stage == Stage.ACT_ISSUED,
            why=_("after the connection act, within the contract's deadline")
            if a.energize_due
            else contract,
        ),
    ]


def next_action(a) -> str:
    """What the applicant must do now, in words."""
    if a.stage == Stage.DRAFT:
        return _("Finish the form, attach the documents and send it.")
    if a.stage == Stage.INCOMPLETE:
        return _(
            "Send the missing documents by {day}: until then our deadline stands still."
        ).format(day=a.applicant_due.strftime("%d.%m.%Y") if a.applicant_due else "—")
    if a.stage == Stage.OFFER:
        return _(
            "Pay the invoice by {day}: payment accepts the offer. Unpaid, the application is annulled."
        ).format(day=a.payment_due.strftime("%d.%m.%Y"))
    if a.stage == Stage.PAID and not a.readiness_notice_on:
        return _(
            "Carry out the measures of your technical conditions on your plot and then send us "
            "the readiness notice below. Everything must be done by {day}."
        ).format(day=a.completion_due.strftime("%d.%m.%Y") if a.completion_due else "—")
    if a.stage == Stage.PAID:
        return _("Nothing now: we are finishing our works; then we inspect yours.")
    if a.stage == Stage.INSPECTION:
        return _(
            "Nothing but access: we inspect the works by {day}; be ready to let our inspector in."
        ).format(day=a.inspection_due.strftime("%d.%m.%Y") if a.inspection_due else "—")
    if a.stage == Stage.INSPECTED:
        return _("Nothing now: we are drawing up the connection act.")
    if a.stage == Stage.ACT_ISSUED:
        return _(
            "Read the connection act in your documents; we energize the object by {day}."
        ).format(day=a.energize_due.strftime("%d.%m.%Y") if a.energize_due else "—")
    if a.stage == Stage.ANNULLED:
        return _("The application was annulled. You may apply again at any time.")
    if a.stage == Stage.COMPLETED:
        return _("Nothing: you are connected. Conclude the supply contract with your supplier.")
    return _("Nothing now: we are checking your application.")
