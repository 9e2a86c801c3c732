"""Subscribers hear about an outage: started, new estimate, restored with a «still out?» link."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from gridportal.notifications.tests.factories import SubscriptionFactory
from gridportal.outages import services, tasks
from gridportal.outages.models import Incident, OutageReport

from .factories import report

pytestmark = pytest.mark.django_db


def test_a_subscriber_is_told_of_the_outage_its_estimate_and_its_end(
    client, network, officer, smtp_server, django_capture_on_commit_callbacks
):
    tp = network.substations[0]
    home = network.addresses_of(tp)[0]
    SubscriptionFactory(address=home, contact="ivanova@example.ru")
    SubscriptionFactory(address=network.addresses[-1], contact="far@example.ru")
    report(home, problem="hazard")
    incident = Incident.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        services.incident_confirm(incident=incident, actor=officer)
    [started] = smtp_server.wait_for(1)
    assert started["to"] == ["ivanova@example.ru"]
    assert "Отключение электроснабжения" in started["subject"]
    assert home.label in started["body"]

    etr = timezone.now() + dt.timedelta(hours=4)
    with django_capture_on_commit_callbacks(execute=True):
        services.incident_update(incident=incident, actor=officer, etr=etr)
    etr_mail = smtp_server.wait_for(2)[1]
    assert services.local_text(etr, network.branch.timezone) in etr_mail["body"]

    with django_capture_on_commit_callbacks(execute=True):
        services.incident_restore(incident=incident, actor=officer)
    restored = smtp_server.wait_for(3)[2]
    assert "восстановлено" in restored["subject"]
    link = re.search(r"/outages/still-out/\d+/\?t=\S+", restored["body"]).group(0)
    path, token = link.split("?t=")
    assert client.post(path, {"t": token}).status_code == 200
    assert OutageReport.objects.filter(channel="callback", address=home).exists()
    assert len(smtp_server.messages) == 3  # nobody else was written to


def test_planned_work_reminders_go_out_n_days_and_one_day_before_once(
    network, smtp_server, django_capture_on_commit_callbacks
):
    home = network.addresses_of(network.substations[0])[0]
    SubscriptionFactory(address=home, contact="ivanova@example.ru")
    now = timezone.now()
    services.planned_outage_create(
        branch=network.branch,
        starts_at=now + dt.timedelta(days=2, hours=5),
        ends_at=now + dt.timedelta(days=2, hours=9),
        reason="Замена трансформатора",
        substations=[network.substations[0]],
    )
    with django_capture_on_commit_callbacks(execute=True):
        tasks.planned_reminders(now.isoformat())
        tasks.planned_reminders((now + dt.timedelta(hours=1)).isoformat())
    [first] = smtp_server.wait_for(1)
    assert "Замена трансформатора" in first["body"]
    with django_capture_on_commit_callbacks(execute=True):
        tasks.planned_reminders((now + dt.timedelta(days=1, hours=6)).isoformat())
    assert len(smtp_server.wait_for(2)) == 2
