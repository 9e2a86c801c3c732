"""The appeals desk as a specification: intake, the clock in practice, staff steps, reopen."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from gridportal.appeals.choices import (
    AppealType,
    Channel,
    ComplaintSubject,
    EventKind,
    Justified,
    Status,
    Topic,
)
from gridportal.appeals.models import Appeal, AppealAttachment
from gridportal.appeals.services import (
    appeal_answer,
    appeal_extend,
    appeal_info_add,
    appeal_info_request,
    appeal_rate,
    appeal_redirect_outside,
    appeal_reopen,
    code_matches,
)
from gridportal.core.exceptions import ApplicationError, RateLimited
from gridportal.core.signals import service_event
from gridportal.core.uploads import upload_accept
from gridportal.outages.selectors import address_status
from gridportal.testing.rules import rule_set

from .helpers import PDF, file_appeal

pytestmark = pytest.mark.django_db


def test_an_appeal_gets_a_yearly_number_a_code_and_a_due_date(address):
    first = file_appeal(address)
    second = file_appeal(address, email="petrov@example.ru")
    year = timezone.localdate().year
    assert re.fullmatch(rf"А-{year}-\d{{6}}", first.appeal.number)
    assert int(second.appeal.number[-6:]) == int(first.appeal.number[-6:]) + 1
    assert first.code not in first.appeal.code_hash
    assert code_matches(stored_hash=first.appeal.code_hash, code=first.code.lower())
    assert not code_matches(stored_hash=first.appeal.code_hash, code=second.code)
    appeal = first.appeal
    assert appeal.branch == address.branch and appeal.district == address.district
    assert appeal.due_on >= appeal.clock_started_on + dt.timedelta(days=30)
    assert appeal.consent.subject == "appeal"
    assert appeal.events.get().kind == EventKind.REGISTERED


def test_acknowledgement_email_carries_number_code_and_due_date(
    address, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        receipt = file_appeal(address)
    message = smtp_server.wait_for(1)[0]
    body = message["body"] if isinstance(message, dict) else str(message)
    assert receipt.appeal.number in body and receipt.code in body


def test_consent_is_required_with_contacts_but_anonymous_needs_none(address):
    with pytest.raises(ApplicationError) as error:
        file_appeal(address, consent_given=False)
    assert error.value.code == "consent"
    anonymous = file_appeal(address, anonymous=True, consent_given=False).appeal
    assert anonymous.anonymous and not anonymous.email and anonymous.consent is None
    assert not anonymous.can_be_answered


def test_contacts_are_required_unless_anonymous(address):
    with pytest.raises(ApplicationError) as error:
        file_appeal(address, email="")
    assert error.value.code == "email"


def test_too_many_appeals_from_one_place_are_refused(address):
    rule_set("appeals", "limit_per_ip_hour", 2)
    file_appeal(address, email="a@example.ru")
    file_appeal(address, email="b@example.ru")
    with pytest.raises(RateLimited):
        file_appeal(address, email="c@example.ru")
    assert Appeal.objects.count() == 2


def test_a_safety_hazard_becomes_an_urgent_outage_report(address):
    appeal = file_appeal(address, topic=Topic.SAFETY_HAZARD, text="Оборван провод у дома").appeal
    assert appeal.outage_report_ref
    assert appeal.events.filter(kind=EventKind.HAZARD_REPORTED).exists()
    # The hotline now knows: the address shows the report on the status answer path.
    assert address_status(address=address) is not None


def test_attachments_are_kept_privately_and_an_exe_renamed_pdf_is_refused(address, settings):
    upload = upload_accept(name="акт.pdf", content=PDF, kinds=("pdf", "jpeg", "png"))
    appeal = file_appeal(address, attachments=(upload,)).appeal
    stored = AppealAttachment.objects.get(appeal=appeal)
    assert stored.original_name == "акт.pdf" and "акт" not in stored.stored_name
    with pytest.raises(ApplicationError):
        upload_accept(name="акт.pdf", content=b"MZ\x90\x00" + b"\x00" * 100, kinds=("pdf",))


def test_asking_for_information_pauses_the_clock_and_the_due_date_moves_later(
    address, clerk, time_machine
):
    time_machine.move_to(dt.datetime(2026, 2, 2, 10, tzinfo=dt.UTC))
    appeal = file_appeal(address).appeal
    assert appeal.due_on == dt.date(2026, 3, 4)
    appeal = appeal_info_request(appeal=appeal, question="Номер договора?", actor=clerk)
    assert appeal.status == Status.WAITING
    time_machine.move_to(dt.datetime(2026, 2, 12, 10, tzinfo=dt.UTC))
    appeal = appeal_info_add(appeal=appeal, text="Договор 12345")
    assert appeal.status == Status.IN_PROGRESS
    assert appeal.due_on == dt.date(2026, 3, 16)  # 4 March + 10 days = Sat 14 → Mon 16


def test_one_extension_with_a_reason(address, clerk):
    appeal = file_appeal(address).appeal
    before = appeal.due_on
    with pytest.raises(ApplicationError):
        appeal_extend(appeal=appeal, days=31, reason="Проверка", actor=clerk)
    appeal = appeal_extend(appeal=appeal, days=20, reason="Нужна проверка на месте", actor=clerk)
    # 20 days more than the answer's period; the unextended deadline may have been moved
    # past non-working days (filed in early December: the New Year holidays), so it is
    # counted from the start of the clock, not from that deadline.
    from gridportal.appeals.choices import RuleKey
    from gridportal.appeals.rules import rule_values

    days = int(rule_values(appeal.clock_started_on)[RuleKey.ANSWER_DAYS])
    assert appeal.due_on >= appeal.clock_started_on + dt.timedelta(days=days + 20)
    assert appeal.due_on > before
    with pytest.raises(ApplicationError) as error:
        appeal_extend(appeal=appeal, days=5, reason="Ещё", actor=clerk)
    assert error.value.code == "days" and appeal.extension_days == 20


def test_answer_closes_complaint_with_assessment_and_announces_it(
    address, clerk, django_capture_on_commit_callbacks
):
    heard = []

    def listener(**kwargs):
        heard.append(kwargs)

    service_event.connect(listener)
    try:
        appeal = file_appeal(address).appeal
        with pytest.raises(ApplicationError):
            appeal_answer(appeal=appeal, answer="Проверили.", actor=clerk)
        with django_capture_on_commit_callbacks(execute=True):
            appeal = appeal_answer(
                appeal=appeal,
                answer="Проверили, заменили трансформатор.",
                actor=clerk,
                justified=Justified.JUSTIFIED,
                subject=ComplaintSubject.TRANSMISSION,
            )
    finally:
        service_event.disconnect(listener)
    assert appeal.status == Status.ANSWERED
    assert [h["kind"] for h in heard] == ["appeal_closed"]
    assert heard[0]["branch_id"] == address.branch_id


def test_the_person_rates_and_reopens_with_a_new_clock(address, clerk, time_machine):
    time_machine.move_to(dt.datetime(2026, 2, 2, 10, tzinfo=dt.UTC))
    appeal = file_appeal(address, appeal_type=AppealType.QUESTION).appeal
    appeal = appeal_answer(appeal=appeal, answer="Ответ", actor=clerk)
    appeal = appeal_rate(appeal=appeal, rating=2)
    time_machine.move_to(dt.datetime(2026, 2, 20, 10, tzinfo=dt.UTC))
    appeal = appeal_reopen(appeal=appeal, reason="Проблема не решена")
    assert appeal.status == Status.IN_PROGRESS and appeal.reopen_count == 1
    assert appeal.clock_started_on == dt.date(2026, 2, 20)
    assert appeal.due_on == dt.date(2026, 3, 23)  # 20 Feb + 30 = Sun 22 Mar → Mon 23
    time_machine.move_to(dt.datetime(2026, 6, 1, 10, tzinfo=dt.UTC))
    appeal = appeal_answer(appeal=appeal, answer="Ответ 2", actor=clerk)
    time_machine.move_to(dt.datetime(2026, 8, 1, 10, tzinfo=dt.UTC))
    with pytest.raises(ApplicationError):
        appeal_reopen(appeal=appeal, reason="Снова")


def test_not_ours_is_sent_on_to_a_named_body(address, clerk):
    appeal = file_appeal(address, topic=Topic.BILLING, appeal_type=AppealType.QUESTION).appeal
    appeal = appeal_redirect_outside(
        appeal=appeal,
        body="АО «ТНС энерго Карелия» (гарантирующий поставщик)",
        reason="Счета выставляет сбытовая компания",
        actor=clerk,
    )
    assert appeal.status == Status.REDIRECTED
    event = appeal.events.get(kind=EventKind.REDIRECTED_OUTSIDE)
    assert "ТНС энерго" in event.display_text


def test_phone_question_gets_a_call_back_deadline(address, clerk):
    appeal = file_appeal(
        address, channel=Channel.PHONE, staff=clerk, callback_requested=True, consent_given=False
    ).appeal
    assert appeal.callback_due_at == appeal.registered_at + dt.timedelta(hours=4)
    assert appeal.created_by == clerk


def test_the_person_is_told_of_a_request_an_extension_and_the_answer(
    address, clerk, smtp_server, django_capture_on_commit_callbacks
):
    appeal = file_appeal(address, appeal_type=AppealType.QUESTION).appeal
    with django_capture_on_commit_callbacks(execute=True):
        appeal = appeal_info_request(appeal=appeal, question="Номер договора?", actor=clerk)
        appeal = appeal_info_add(appeal=appeal, text="12-345")
        appeal = appeal_extend(appeal=appeal, days=10, reason="Нужен выезд", actor=clerk)
        appeal_answer(appeal=appeal, answer="Счётчик заменим 5 числа", actor=clerk)
    bodies = [str(m) for m in smtp_server.wait_for(3)]
    assert any("Номер договора?" in b for b in bodies)
    assert any("Нужен выезд" in b for b in bodies)
    assert any("Счётчик заменим" in b for b in bodies)
