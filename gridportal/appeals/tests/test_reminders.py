"""Reminders before and after due dates: sent once, to the assignee (and heads when overdue)."""

import datetime as dt

import pytest

from gridportal.appeals.choices import EventKind
from gridportal.appeals.services import appeal_assign, appeal_extend
from gridportal.appeals.services.reminders import reminders_send
from gridportal.appeals.tasks import reminders

from .helpers import file_appeal

pytestmark = pytest.mark.django_db


def test_due_soon_and_overdue_reminders_go_once(
    address, clerk, smtp_server, django_capture_on_commit_callbacks
):
    clerk.email = "clerk@example.ru"
    clerk.save()
    appeal = file_appeal(address).appeal
    appeal_assign(appeal=appeal, assignee=clerk, actor=clerk)
    early = appeal.due_on - dt.timedelta(days=10)
    assert reminders_send(today=early) == 0
    soon = appeal.due_on - dt.timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders(soon.isoformat()) == 1
        assert reminders(soon.isoformat()) == 0  # idempotent
    messages = smtp_server.wait_for(1)
    assert appeal.number in str(messages[0])
    late = appeal.due_on + dt.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(today=late) == 1
        assert reminders_send(today=late) == 0
    assert appeal.events.filter(kind=EventKind.REMINDER).count() == 2


def test_an_extension_earns_a_new_reminder(address, clerk):
    appeal = file_appeal(address).appeal
    late = appeal.due_on + dt.timedelta(days=1)
    assert reminders_send(today=late) == 1
    appeal = appeal_extend(appeal=appeal, days=10, reason="Проверка", actor=clerk)
    assert reminders_send(today=appeal.due_on) == 1
