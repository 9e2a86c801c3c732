"""The steps after payment: the company's works and the applicant's works side by side (the
applicant's end with their readiness notice, «уведомление о выполнении ТУ»), then the
inspection, the connection act and the energizing, one after another.

Each step has its own legal due date (dated rules `inspection_wd`, `act_wd`, `energize_wd`),
never later than the contract's completion deadline, which binds the whole chain. Every step
is an event on the timeline (with a letter to the applicant) and an audit entry; the
`connection_completed` service event is sent once, when the object is energized.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from gridportal.core.exceptions import ApplicationError
from gridportal.core.selectors import working_calendar
from gridportal.core.signals import ServiceEventKind, service_event_send

from .. import deadlines
from ..choices import DocumentKind, EventKind, Stage
from ..models import ConnectionApplication
from ..rules import rule_values
from .events import audit_change, documents_store, event_add, today
from .paperwork import act_paper_issue


def _locked(application) -> ConnectionApplication:
    # The two sides' works may be marked at the same moment: one lock, one decision.
    return ConnectionApplication.objects.select_for_update().get(pk=application.pk)


def _check_day(day: dt.date, *, not_before: list[dt.date | None], field: str) -> None:
    if day > today():
        raise ApplicationError(_("The date cannot be in the future."), code=field)
    earliest = max((d for d in not_before if d is not None), default=None)
    if earliest is not None and day < earliest:
        raise ApplicationError(
            _("The date cannot be earlier than {day}.").format(day=earliest.strftime("%d.%m.%Y")),
            code=field,
        )


def _ready_for_inspection(application) -> None:
    """Both sides' works are done: the application waits for the inspection."""
    if application.company_works_on and application.readiness_notice_on:
        application.stage = Stage.INSPECTION


@transaction.atomic
def application_company_works_done(*, application, actor, done_on: dt.date, request=None):
    """Staff mark the company's own works under the technical conditions as done."""
    application = _locked(application)
    if application.stage != Stage.PAID or application.company_works_on:
        raise ApplicationError(
            _("The company's works can be marked done only once, after payment.")
        )
    _check_day(done_on, not_before=[application.paid_on], field="done_on")
    application.company_works_on = done_on
    _ready_for_inspection(application)
    application.save()
    event_add(application, EventKind.COMPANY_WORKS, actor=actor)
    audit_change(application, actor, {"company_works_on": done_on.isoformat()}, request)
    return application


@transaction.atomic
def application_readiness_notice(*, application, customer, text: str = "", document=None):
    """The applicant tells us their works under the technical conditions are done (the notice
    of readiness, optionally with a file): the inspection clock starts."""
    application = _locked(application)
    if application.customer_id != customer.pk:
        raise ApplicationError(_("Nothing is requested from you on this application."))
    if application.stage != Stage.PAID or application.readiness_notice_on:
        raise ApplicationError(_("The readiness notice can be sent once, after payment."))
    day = today()
    values = rule_values(day)
    application.readiness_notice_on = day
    application.inspection_due = deadlines.step_due(
        day,
        deadlines.inspection_term(category=application.category, values=values),
        working_calendar(),
        application.completion_due,
    )
    _ready_for_inspection(application)
    application.save()
    documents_store(application, [(DocumentKind.READINESS_NOTICE, document)])
    event_add(application, EventKind.READINESS_NOTICE, actor=customer, text=text.strip())
    audit_change(application, customer, {"readiness_notice_on": day.isoformat()})
    return application


@transaction.atomic
def application_inspection_record(
    *, application, actor, inspected_on: dt.date, note: str = "", request=None
):
    """Staff record the inspection of the works on both sides (осмотр, проверка выполнения ТУ)."""
    application = _locked(application)
    if application.stage != Stage.INSPECTION:
        raise ApplicationError(
            _("The inspection can be recorded only when the works on both sides are done.")
        )
    _check_day(
        inspected_on,
        not_before=[application.company_works_on, application.readiness_notice_on],
        field="inspected_on",
    )
    values = rule_values(inspected_on)
    application.stage = Stage.INSPECTED
    application.inspected_on = inspected_on
    application.act_due = deadlines.step_due(
        inspected_on,
        deadlines.act_term(values=values),
        working_calendar(),
        application.completion_due,
    )
    application.save()
    event_add(application, EventKind.INSPECTED, actor=actor, text=note.strip())
    audit_change(application, actor, {"inspected_on": inspected_on.isoformat()}, request)
    return application


@transaction.atomic
def application_act_issue(*, application, actor, request=None):
    """Issue the connection act (акт об осуществлении технологического присоединения) as a
    PDF in the applicant's account; the energizing clock starts."""
    application = _locked(application)
    if application.stage != Stage.INSPECTED:
        raise ApplicationError(_("The connection act can be issued only after the inspection."))
    day = today()
    values = rule_values(day)
    application.stage = Stage.ACT_ISSUED
    application.act_on = day
    application.energize_due = deadlines.step_due(
        day, deadlines.energize_term(values=values), working_calendar(), application.completion_due
    )
    application.save()
    act_paper_issue(application=application)
    event_add(application, EventKind.ACT, actor=actor)
    audit_change(application, actor, {"act_on": day.isoformat()}, request)
    return application


@transaction.atomic
def application_complete(*, application, actor, energized_on: dt.date | None = None, request=None):
    """The object is energized (фактическое присоединение): the connection is completed."""
    application = _locked(application)
    if application.stage != Stage.ACT_ISSUED:
        raise ApplicationError(
            _("The object can be energized only after the connection act is issued.")
        )
    energized_on = energized_on or today()
    _check_day(energized_on, not_before=[application.act_on], field="energized_on")
    application.stage = Stage.COMPLETED
    application.completed_on = energized_on
    application.save()
    event_add(application, EventKind.CONNECTED, actor=actor)
    audit_change(application, actor, {"stage": Stage.COMPLETED}, request)
    transaction.on_commit(
        lambda: service_event_send(
            kind=ServiceEventKind.CONNECTION_COMPLETED,
            record=application,
            branch_id=application.branch_id,
            contact=application.customer.email,
            language=application.language,
            details={"number": application.number, "kw": str(application.power_new_kw)},
        )
    )
    return application
