"""Versions, publication, the calendar and its reminders."""

import datetime as dt

import pytest
from django.db import transaction

from gridportal.core.models import AuditLogEntry
from gridportal.core.signals import ServiceEventKind, service_event_send
from gridportal.disclosure import services
from gridportal.disclosure.choices import DocumentStatus, PublicationSource
from gridportal.disclosure.models import Publication

from .factories import pdf_upload

pytestmark = pytest.mark.django_db


def _new_version(previous, *, actor=None, publish=False, paragraphs=None):
    return services.document_create(
        data=services.DocumentData(
            kind=previous.kind,
            number=previous.number,
            date=dt.date(2026, 10, 1),
            effective_from=dt.date(2026, 11, 1),
            issuing_body=previous.issuing_body,
            title=previous.title,
            summary=previous.summary + " Срок размещения договора сокращён.",
            status=DocumentStatus.AMENDED,
            topics=["connection"],
        ),
        upload=pdf_upload("Правила (ред. 2026)", paragraphs or ["Новый текст."]),
        supersedes=previous,
        actor=actor,
        publish=publish,
    )


def test_a_published_new_version_supersedes_the_old_and_points_to_it(rules_861, editor):
    new = _new_version(rules_861, actor=editor)
    rules_861.refresh_from_db()
    assert rules_861.status == DocumentStatus.IN_FORCE  # the draft changes nothing yet
    services.document_publish(document=new, actor=editor)
    rules_861.refresh_from_db()
    assert rules_861.status == DocumentStatus.SUPERSEDED
    assert rules_861.superseded_by == new
    assert rules_861.effective_until == dt.date(2026, 10, 31)
    actions = list(
        AuditLogEntry.objects.filter(object_id=str(new.pk)).values_list("action", "details")
    )
    assert ("create", {"supersedes": rules_861.pk}) in actions
    assert ("update", {"published": True, "supersedes": rules_861.pk}) in actions


def test_a_document_has_only_one_newer_version(rules_861):
    _new_version(rules_861)
    from gridportal.core.exceptions import ApplicationError

    with pytest.raises(ApplicationError):
        _new_version(rules_861)


def test_the_calendar_marks_an_overdue_item(free_capacity_item):
    due = services.item_due(free_capacity_item, today=dt.date(2026, 11, 30))
    assert due.period.code == "2026-Q3"
    assert due.overdue


def test_a_publication_made_event_marks_the_quarter_done(
    free_capacity_item, django_capture_on_commit_callbacks
):
    services.publication_record(item=free_capacity_item, period="2026-Q3")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        transaction.on_commit(
            lambda: service_event_send(
                kind=ServiceEventKind.PUBLICATION_MADE,
                record=free_capacity_item,
                details={"item": "free_capacity", "period": "2026-Q4", "url": "/capacity/"},
            )
        )
    publication = Publication.objects.get(item=free_capacity_item, period="2026-Q4")
    assert publication.source == PublicationSource.EVENT
    assert publication.url == "/capacity/"
    due = services.item_due(free_capacity_item, today=dt.date(2026, 11, 30))
    assert due.period.code == "2027-Q1" and not due.overdue
    # A repeat of the event is harmless.
    service_event_send(
        kind=ServiceEventKind.PUBLICATION_MADE,
        record=free_capacity_item,
        details={"item": "free_capacity", "period": "2026-Q4"},
    )
    assert Publication.objects.filter(item=free_capacity_item).count() == 2


def test_an_event_for_an_unknown_item_or_period_changes_nothing(free_capacity_item):
    results = service_event_send(
        kind=ServiceEventKind.PUBLICATION_MADE,
        record=free_capacity_item,
        details={"item": "free_capacity", "period": "2026-13"},
    )
    assert any(isinstance(outcome, Exception) for _, outcome in results)
    service_event_send(
        kind=ServiceEventKind.PUBLICATION_MADE, record=free_capacity_item, details={"item": "?"}
    )
    assert not Publication.objects.exists()


def test_the_responsible_person_is_reminded_once_before_the_date(
    free_capacity_item, editor, smtp_server, django_capture_on_commit_callbacks
):
    free_capacity_item.responsible = editor
    free_capacity_item.remind_days_before = 7
    free_capacity_item.save()
    services.publication_record(item=free_capacity_item, period="2026-Q3")
    services.publication_record(item=free_capacity_item, period="2026-Q4")
    # 2027-Q1 is due on 15.01.2027: nothing yet on 01.01, a letter on 08.01, none again.
    assert services.reminders_send(today=dt.date(2027, 1, 1)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(today=dt.date(2027, 1, 8)) == 1
    assert services.reminders_send(today=dt.date(2027, 1, 9)) == 0
    [letter] = smtp_server.wait_for(1)
    assert letter["to"] == ["editor@example.ru"]
    assert "15.01.2027" in letter["body"]
    assert "2027-Q1" in letter["body"]
