"""Subscribers hear what concerns them: an outage already on, planned work cancelled or moved,
a merge that newly covers their address."""

import datetime as dt

import pytest
from django.utils import timezone

from gridportal.notifications.choices import SubscriptionStatus
from gridportal.notifications.services import subscription_confirm
from gridportal.notifications.tests.factories import SubscriptionFactory
from gridportal.outages import services
from gridportal.outages.models import Incident

from .factories import report

pytestmark = pytest.mark.django_db


def _outage(network, officer, index=0):
    tp = network.substations[index]
    report(network.addresses_of(tp)[0])
    report(network.addresses_of(tp)[1])
    incident = Incident.objects.filter(status="predicted").order_by("-pk").first()
    return services.incident_confirm(incident=incident, actor=officer)


def test_subscribing_inside_an_outage_tells_the_outage_at_once(
    network, officer, smtp_server, django_capture_on_commit_callbacks
):
    incident = _outage(network, officer)
    services.incident_update(
        incident=incident, actor=officer, etr=timezone.now() + dt.timedelta(hours=3)
    )
    home = network.addresses_of(network.substations[0])[0]
    pending = SubscriptionFactory(
        address=home, contact="novaya@example.ru", status=SubscriptionStatus.PENDING
    )
    with django_capture_on_commit_callbacks(execute=True):
        subscription_confirm(subscription=pending)
    [letter] = smtp_server.wait_for(1)
    assert letter["to"] == ["novaya@example.ru"]
    assert "Отключение электроснабжения" in letter["subject"]
    # Confirming again tells nothing new.
    with django_capture_on_commit_callbacks(execute=True):
        subscription_confirm(subscription=pending)
    assert len(smtp_server.messages) == 1


def test_planned_work_cancelled_or_moved_is_told_to_its_subscribers(
    network, officer, smtp_server, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://portal.example.org"
    home = network.addresses_of(network.substations[0])[0]
    SubscriptionFactory(address=home, contact="ivanova@example.ru")
    start = timezone.now() + dt.timedelta(days=5)
    work = services.planned_outage_create(
        branch=network.branch,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=4),
        reason="Замена опор",
        substations=[network.substations[0]],
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.planned_outage_reschedule(
            planned=work,
            starts_at=start + dt.timedelta(days=1),
            ends_at=start + dt.timedelta(days=1, hours=4),
            actor=officer,
        )
    [moved] = smtp_server.wait_for(1)
    assert "перенесены" in moved["subject"]
    new_start = services.local_text(start + dt.timedelta(days=1), network.branch.timezone)
    assert new_start in moved["body"]
    # Every link in the letter is on the configured site address (SITE_URL).
    assert f"https://portal.example.org/outages/planned/{home.pk}.ics" in moved["body"]
    assert "127.0.0.1" not in moved["body"]
    with django_capture_on_commit_callbacks(execute=True):
        services.planned_outage_cancel(planned=work, actor=officer)
    cancelled = smtp_server.wait_for(2)[1]
    assert "отменены" in cancelled["subject"]


def test_a_merge_that_newly_covers_an_address_tells_its_subscribers(
    network, officer, smtp_server, django_capture_on_commit_callbacks
):
    target = _outage(network, officer, 0)
    far = network.addresses_of(network.substations[4])[0]
    SubscriptionFactory(address=far, contact="sosed@example.ru")
    tp = network.substations[4]
    report(network.addresses_of(tp)[0])
    report(network.addresses_of(tp)[1])
    source = Incident.objects.filter(status="predicted").order_by("-pk").first()
    assert source is not None
    with django_capture_on_commit_callbacks(execute=True):
        services.incident_merge(target=target, sources=[source], actor=officer)
    [letter] = smtp_server.wait_for(1)
    assert letter["to"] == ["sosed@example.ru"]
