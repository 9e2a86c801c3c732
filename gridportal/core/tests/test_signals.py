"""Service events: a capability announces, listeners hear, a failing listener harms nobody."""

import logging

from gridportal.core.models import Branch
from gridportal.core.signals import ServiceEventKind, service_event, service_event_send


def test_a_listener_hears_the_kind_record_and_person(branch):
    heard = []

    def listener(sender, **kwargs):
        heard.append((sender, kwargs))

    service_event.connect(listener, dispatch_uid="test-listener")
    try:
        service_event_send(
            kind=ServiceEventKind.APPEAL_CLOSED,
            record=branch,
            branch_id=branch.pk,
            contact="ivan@example.ru",
            details={"number": "А-2026-000001"},
        )
    finally:
        service_event.disconnect(dispatch_uid="test-listener")
    assert len(heard) == 1
    sender, kwargs = heard[0]
    assert sender is Branch
    assert kwargs["kind"] == "appeal_closed"
    assert kwargs["record"] == branch
    assert kwargs["contact"] == "ivan@example.ru"
    assert kwargs["language"] == "ru"
    assert kwargs["details"] == {"number": "А-2026-000001"}


def test_a_failing_listener_is_logged_and_the_others_still_hear(branch, caplog):
    heard = []

    def broken(sender, **kwargs):
        raise RuntimeError("survey service down")

    def working(sender, **kwargs):
        heard.append(kwargs["kind"])

    service_event.connect(broken, dispatch_uid="test-broken")
    service_event.connect(working, dispatch_uid="test-working")
    try:
        with caplog.at_level(logging.ERROR, logger="gridportal.core.signals"):
            service_event_send(kind=ServiceEventKind.OFFICE_VISIT_SERVED, record=branch)
    finally:
        service_event.disconnect(dispatch_uid="test-broken")
        service_event.disconnect(dispatch_uid="test-working")
    assert heard == ["office_visit_served"]
    assert "office_visit_served" in caplog.text
    assert "survey service down" in caplog.text
