"""The applicant's timeline: every stage with its legal due date and the date it happened."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .choices import Stage


@dataclass(frozen=True)
class Step:
    title: str
    due: dt.date | None
    done: dt.date | None
    current: bool = False
    paused: bool = False

    def state(self, today: dt.date) -> str:
        if self.done:
            return "done"
        if self.due and self.due < today:
            return "overdue"
        return "current" if self.current else "ahead"


def steps(a, *, today: dt.date) -> list[Step]:
    received = a.submitted_at.date() if a.submitted_at else None
    return [
        Step(_("Application received and registered"), None, received),
        Step(
            _("Checked; documents requested") if a.stage == Stage.INCOMPLETE else _("Checked"),
            a.offer_due,
            a.offer_on,
            current=a.stage in (Stage.RECEIVED, Stage.INCOMPLETE),
            paused=a.stage == Stage.INCOMPLETE,
        ),
        Step(_("Contract, technical conditions and invoice issued"), a.offer_due, a.offer_on),
        Step(
            _("Invoice paid: contract concluded"),
            a.payment_due,
            a.paid_on,
            current=a.stage == Stage.OFFER,
        ),
        Step(
            _("Works by the company and by the applicant"),
            a.completion_due,
            a.completed_on,
            current=a.stage == Stage.PAID,
        ),
        Step(_("Inspection, connection act, energized"), a.completion_due, a.completed_on),
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
    if a.stage == Stage.PAID:
        return _(
            "Carry out the measures of your technical conditions and tell us when you are ready."
        )
    if a.stage == Stage.ANNULLED:
        return _("The application was annulled. You may apply again at any time.")
    if a.stage == Stage.COMPLETED:
        return _("Nothing: you are connected. Conclude the supply contract with your supplier.")
    return _("Nothing now: we are checking your application.")
