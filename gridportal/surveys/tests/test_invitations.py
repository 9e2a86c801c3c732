"""Invitations after a service: heard from core's service event, sent by real SMTP, capped."""

import re

import pytest
from django.urls import reverse

from gridportal.core.signals import ServiceEventKind, service_event_send
from gridportal.surveys.models import FollowUp, Invitation, Response

pytestmark = pytest.mark.django_db(transaction=True)


class Appeal:
    """Stands in for another app's record: surveys know records only through the event."""

    def __init__(self, branch):
        self.branch = branch
        self.pk = branch.pk

    def get_staff_url(self):
        return "/staff/appeals/А-2026-000123/"

    def survey_label(self):
        return "Обращение А-2026-000123"


def announce(branch, contact="anna@example.ru", kind=ServiceEventKind.APPEAL_CLOSED):
    # The record must be a model instance for the content type: the branch itself will do,
    # with the staff link and label a real record would offer.
    record = branch
    record.get_staff_url = Appeal(branch).get_staff_url
    record.survey_label = Appeal(branch).survey_label
    service_event_send(
        kind=kind, record=record, branch_id=branch.pk, contact=contact, language="ru"
    )


def test_a_closed_appeal_brings_one_invitation_whose_link_leads_to_a_follow_up(
    after_service, branch, smtp_server, client
):
    announce(branch)
    mail = smtp_server.wait_for(1)[0]
    assert mail["to"] == ["anna@example.ru"]
    assert "Как мы справились?" in mail["subject"]
    link = re.search(r"https?://\S+/surveys/i/\S+/", mail["body"]).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    page = client.get("/" + path)
    assert page.status_code == 200
    assert "Оценка" in page.content.decode()
    answered = client.post("/" + path, {"q_overall": "1"})
    assert answered.status_code == 302
    response = Response.objects.get()
    follow_up = FollowUp.objects.get(response=response)
    assert follow_up.branch == branch
    assert response.invitation.record_url == "/staff/appeals/А-2026-000123/"
    assert client.get("/" + path).status_code == 410  # the link works once


def test_a_second_event_within_the_cap_sends_nothing_more(after_service, branch, smtp_server):
    announce(branch)
    announce(branch, kind=ServiceEventKind.OFFICE_VISIT_SERVED)
    smtp_server.wait_for(1)
    assert Invitation.objects.count() == 1


def test_events_no_questionnaire_listens_to_or_without_an_e_mail_send_nothing(
    after_service, branch
):
    announce(branch, kind=ServiceEventKind.CONNECTION_COMPLETED)
    announce(branch, contact="+79210000000")
    assert not Invitation.objects.exists()


def test_a_person_who_opted_out_is_not_invited_again(after_service, branch, smtp_server, client):
    announce(branch)
    mail = smtp_server.wait_for(1)[0]
    opt_out = re.search(r"/surveys/i/\S+/opt-out/", mail["body"]).group(0)
    assert client.post(opt_out).status_code == 200
    Invitation.objects.all().delete()  # past the cap
    announce(branch)
    assert not Invitation.objects.exists()


def test_the_invitation_page_of_an_unknown_token_is_not_found(client, db):
    assert client.get(reverse("surveys:invitation", args=["guessed"])).status_code == 404
