"""The one intake of answers: idempotent, checked against its version, limited, followed up."""

import datetime as dt
import uuid

import pytest
from django.core.cache import cache
from django.utils import timezone

from gridportal.core.exceptions import ApplicationError, RateLimited
from gridportal.core.intake import Origin
from gridportal.core.models import Rule
from gridportal.surveys.choices import QuestionKind, ResponseChannel
from gridportal.surveys.models import FollowUp, Invitation, Response
from gridportal.surveys.services import (
    AnswersInvalid,
    ResponseSubmission,
    answers_of,
    question_add,
    response_submit,
    token_digest,
    version_publish,
)

pytestmark = pytest.mark.django_db
WEB = Origin(channel="online", ip_address="203.0.113.7")
GOOD = {"overall": "5", "clear": "yes", "recommend": "9"}


def submit(survey, answers=GOOD, **extra):
    return response_submit(
        submission=ResponseSubmission(survey_slug=survey.slug, answers=answers, **extra), origin=WEB
    )


def test_an_online_answer_is_stored_with_its_channel_branch_and_version(questionnaire, branch):
    response, created = submit(questionnaire, branch_code=branch.code)
    assert created
    assert response.channel == ResponseChannel.ONLINE
    assert response.branch == branch
    assert response.version.number == 1
    assert answers_of(response) == {"overall": 5, "clear": "yes", "recommend": 9}


def test_sending_the_same_client_id_again_returns_the_first_answer(questionnaire):
    client_id = uuid.uuid4()
    first, created = submit(questionnaire, client_id=client_id, channel=ResponseChannel.KIOSK)
    again, created_again = submit(
        questionnaire, {"overall": "1", "clear": "yes", "recommend": "0"}, client_id=client_id
    )
    assert created and not created_again
    assert again.pk == first.pk
    assert Response.objects.count() == 1
    assert answers_of(again)["overall"] == 5


def test_a_missing_required_answer_is_refused_naming_the_question(questionnaire):
    with pytest.raises(AnswersInvalid) as error:
        submit(questionnaire, {"overall": "4", "clear": "no", "recommend": "7"})
    assert error.value.extra["fields"] == {"missing": "required"}
    assert not Response.objects.exists()


def test_answers_keep_the_version_they_were_given_to(questionnaire):
    old, _ = submit(questionnaire)
    question_add(
        survey=questionnaire,
        key="comment",
        kind=QuestionKind.SHORT_TEXT,
        text="Комментарий",
        required=True,
    )
    version_publish(survey=questionnaire)
    # A kiosk that loaded version 1 before the change still sends valid answers to it.
    offline, created = submit(questionnaire, version_number=1)
    assert created and offline.version.number == 1
    with pytest.raises(AnswersInvalid):
        submit(questionnaire)  # version 2 requires the comment
    new, _ = submit(questionnaire, {**GOOD, "comment": "Спасибо"})
    assert (old.version.number, new.version.number) == (1, 2)
    assert old.answers.count() == 3


def test_an_answer_time_from_the_future_or_months_ago_is_refused(questionnaire):
    for when in (timezone.now() + dt.timedelta(hours=2), timezone.now() - dt.timedelta(days=40)):
        with pytest.raises(ApplicationError) as error:
            submit(questionnaire, answered_at=when)
        assert error.value.code == "answered_at"


def test_answers_past_the_hourly_limit_from_one_address_are_refused(questionnaire):
    cache.clear()
    Rule.objects.create(
        namespace="surveys",
        key="answers_per_ip_per_hour",
        value="2",
        valid_from=dt.date(2020, 1, 1),
        source="test",
    )
    submit(questionnaire)
    submit(questionnaire)
    with pytest.raises(RateLimited):
        submit(questionnaire)
    assert Response.objects.count() == 2
    cache.clear()


def _invitation(survey, branch, token="tok-1"):
    return Invitation.objects.create(
        survey=survey,
        token_digest=token_digest(token),
        contact="anna@example.ru",
        contact_key="k",
        event_kind="appeal_closed",
        record_label="Обращение А-2026-000123",
        branch=branch,
    )


def test_a_low_score_after_an_invitation_opens_a_follow_up_for_the_branch(after_service, branch):
    invitation = _invitation(after_service, branch)
    response, _ = submit(after_service, {"overall": "2"}, invitation_token="tok-1")
    invitation.refresh_from_db()
    assert invitation.used_at is not None
    assert response.channel == ResponseChannel.INVITATION
    assert response.branch == branch
    follow_up = FollowUp.objects.get(response=response)
    assert follow_up.branch == branch
    assert "2" in follow_up.reason


def test_a_good_score_opens_no_follow_up_and_an_invitation_works_once(after_service, branch):
    _invitation(after_service, branch)
    submit(after_service, {"overall": "4"}, invitation_token="tok-1")
    assert not FollowUp.objects.exists()
    with pytest.raises(ApplicationError) as error:
        submit(after_service, {"overall": "1"}, invitation_token="tok-1")
    assert error.value.code == "used"


def test_an_unknown_or_expired_invitation_is_refused(after_service, branch):
    with pytest.raises(ApplicationError):
        submit(after_service, {"overall": "4"}, invitation_token="guessed")
    invitation = _invitation(after_service, branch)
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - dt.timedelta(days=31)
    )
    with pytest.raises(ApplicationError) as error:
        submit(after_service, {"overall": "4"}, invitation_token="tok-1")
    assert error.value.code == "invitation"
