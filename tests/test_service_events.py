"""Service events across apps: a restoration told to a subscriber brings a survey invitation.

The hotline restores; notifications tell the subscriber and announce `power_restored`;
surveys, which import neither, invite the person and link the answer to the subscription.
"""

import pytest

from gridportal.core.signals import ServiceEventKind
from gridportal.notifications.tests.factories import SubscriptionFactory
from gridportal.outages import services as outages
from gridportal.outages.models import Incident
from gridportal.outages.tests.conftest import build_network
from gridportal.outages.tests.factories import report
from gridportal.surveys.choices import QuestionKind
from gridportal.surveys.models import Invitation
from gridportal.surveys.services import question_add, survey_create, version_publish

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def after_restoration(db):
    survey = survey_create(slug="after-restoration", title="Как мы восстановили электроснабжение?")
    survey.event_kinds = [ServiceEventKind.POWER_RESTORED]
    survey.save()
    question_add(survey=survey, key="overall", kind=QuestionKind.CSAT, text="Оценка")
    version_publish(survey=survey)
    return survey


def test_a_restored_subscriber_is_invited_once_and_the_answer_leads_back_to_the_subscription(
    branch, administrator, after_restoration, smtp_server
):
    net = build_network(branch, code="karelia", city="Петрозаводск", feeders=1, per_feeder=2)
    tp, _other = net.substations
    home, _neighbour = net.addresses_of(tp)
    subscriber = SubscriptionFactory(address=home, contact="anna@example.ru")
    SubscriptionFactory(address=home, channel="sms", contact="+79210000000")
    report(home)
    report(_neighbour)
    incident = outages.incident_confirm(
        incident=Incident.objects.get(branch=branch), actor=administrator
    )
    outages.incident_restore(
        incident=incident, actor=administrator, reason="Заменён предохранитель"
    )

    invitation = Invitation.objects.get()
    assert invitation.contact == "anna@example.ru"
    assert invitation.event_kind == ServiceEventKind.POWER_RESTORED
    assert invitation.branch == branch
    assert invitation.record == subscriber
    assert invitation.record_url == f"/staff/notifications/subscriptions/{subscriber.pk}/"
    subjects = [m["subject"] for m in smtp_server.wait_for(2)]
    assert any("Как мы восстановили электроснабжение?" in s for s in subjects)
