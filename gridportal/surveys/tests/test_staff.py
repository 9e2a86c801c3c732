"""The console: building versions, analytics of one's branches, paper forms, exports, follow-ups."""

import io
import uuid

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from gridportal.core.intake import Origin
from gridportal.core.models import AuditLogEntry
from gridportal.surveys.models import FollowUp, Response, Survey
from gridportal.surveys.services import ResponseSubmission, response_submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db, branch):
    from conftest import _staff
    from gridportal.accounts.choices import StaffRole

    return _staff("editor", StaffRole.CONTENT_EDITOR, [branch])


def answer(survey, branch, overall, channel="online", office=""):
    response, _ = response_submit(
        submission=ResponseSubmission(
            survey_slug=survey.slug,
            answers={"overall": overall, "clear": "yes", "recommend": 10 if overall > 3 else 2},
            channel=channel,
            branch_code=branch.code,
            office=office,
            client_id=uuid.uuid4(),
        ),
        origin=Origin(channel=channel),
    )
    return response


def test_editing_a_published_questionnaire_makes_a_new_draft_version(client, editor, questionnaire):
    client.force_login(editor)
    build = reverse("staff:surveys:build", args=["office"])
    page = client.post(
        build, {"key": "comment", "kind": "short_text", "text": "Комментарий", "required": ""}
    )
    assert page.status_code == 302
    survey = Survey.objects.get(slug="office")
    assert survey.published_version().number == 1
    assert survey.draft_version().number == 2
    assert survey.published_version().questions.count() == 4  # people still see version 1
    client.post(reverse("staff:surveys:publish", args=["office"]))
    assert survey.published_version().number == 2
    assert survey.published_version().questions.count() == 5


def test_the_builder_refuses_a_condition_on_an_unknown_question(client, editor, questionnaire):
    client.force_login(editor)
    page = client.post(
        reverse("staff:surveys:build", args=["office"]),
        {
            "key": "why",
            "kind": "long_text",
            "text": "Почему?",
            "condition_key": "nope",
            "condition_value": "no",
        },
    )
    assert page.status_code == 400
    assert "earlier question" in page.content.decode() or "более ранний" in page.content.decode()


def test_analytics_count_the_answers_of_the_officers_branch_only(
    client, officer, questionnaire, branch, other_branch
):
    answer(questionnaire, branch, 5, "kiosk", "ЦОК Центр")
    answer(questionnaire, branch, 2, "paper", "ЦОК Центр")
    answer(questionnaire, other_branch, 1)
    client.force_login(officer)
    page = client.get(reverse("staff:surveys:analytics", args=["office"]))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'data-testid="total">2<' in html
    assert 'data-testid="csat">50.0 %' in html or 'data-testid="csat">50,0 %' in html
    assert 'data-testid="nps">0.0' in html or 'data-testid="nps">0,0' in html
    assert "ЦОК Центр" in html


def test_the_xlsx_export_opens_and_holds_the_rows_of_ones_branch(
    client, officer, questionnaire, branch, other_branch
):
    mine = answer(questionnaire, branch, 4)
    answer(questionnaire, other_branch, 4)
    client.force_login(officer)
    reply = client.get(reverse("staff:surveys:export", args=["office", "raw", "xlsx"]))
    assert reply.status_code == 200
    rows = list(load_workbook(io.BytesIO(reply.content)).active.iter_rows(values_only=True))
    assert len(rows) == 2
    assert rows[1][0] == str(mine.client_id)
    assert AuditLogEntry.objects.filter(action="export", actor=officer).exists()
    summary = client.get(reverse("staff:surveys:export", args=["office", "summary", "csv"]))
    assert summary.status_code == 200
    assert (
        client.get(reverse("staff:surveys:export", args=["office", "raw", "pdf"])).status_code
        == 404
    )


def test_a_paper_form_is_saved_as_paper_with_the_date_on_it(
    client, administrator, questionnaire, branch
):
    client.force_login(administrator)
    url = reverse("staff:surveys:paper", args=["office"])
    page = client.post(
        url,
        {
            "region": branch.code,
            "office": "ЦОК Центр",
            "answered_on": "2026-11-20",
            "q_overall": "3",
            "q_clear": "yes",
            "q_recommend": "8",
        },
    )
    assert page.status_code == 302
    response = Response.objects.get()
    assert response.channel == "paper"
    assert response.entered_by == administrator
    assert response.answered_at.date().isoformat() == "2026-11-20"
    missing = client.post(
        url, {"region": branch.code, "answered_on": "2026-11-20", "q_overall": "3"}
    )
    assert missing.status_code == 400


def test_viewing_a_follow_up_is_audited_and_closing_it_records_what_was_done(
    client, officer, administrator, after_service, branch
):
    from gridportal.surveys.models import Invitation
    from gridportal.surveys.services import token_digest

    Invitation.objects.create(
        survey=after_service,
        token_digest=token_digest("t"),
        contact="a@example.ru",
        contact_key="k",
        event_kind="appeal_closed",
        branch=branch,
        record_url="/staff/appeals/1/",
        record_label="Обращение 1",
    )
    response, _ = response_submit(
        submission=ResponseSubmission(
            survey_slug="after", answers={"overall": 1}, invitation_token="t"
        ),
        origin=Origin(channel="online"),
    )
    follow_up = FollowUp.objects.get(response=response)
    client.force_login(officer)
    url = reverse("staff:surveys:follow-up", args=[follow_up.pk])
    page = client.get(url)
    assert 'href="/staff/appeals/1/"' in page.content.decode()
    assert AuditLogEntry.objects.filter(
        action="view", actor=officer, object_type__contains="followup"
    ).exists()
    # A dispatcher may read follow-ups but closing them is the appeals officers' work.
    assert client.post(url, {"note": "Позвонили, извинились"}).status_code == 403
    client.force_login(administrator)
    assert client.post(url, {"note": "Позвонили, извинились"}).status_code == 302
    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.note, follow_up.closed_by) == (
        "done",
        "Позвонили, извинились",
        administrator,
    )


def test_the_yearly_report_compares_channels_year_on_year(administrator, questionnaire, branch):
    import datetime as dt

    from django.utils import timezone

    from gridportal.surveys.selectors import yearly_report

    this_year = timezone.localdate().year
    made = [answer(questionnaire, branch, 5) for _ in range(2)]  # last year, online
    made += [answer(questionnaire, branch, s) for s in (5, 4, 1)]  # this year, online
    made.append(answer(questionnaire, branch, 2, channel="kiosk"))  # this year, kiosk
    for response in made[:2]:
        Response.objects.filter(pk=response.pk).update(
            answered_at=timezone.make_aware(dt.datetime(this_year - 1, 6, 1, 12))
        )
    rows = {
        r.channel: r
        for r in yearly_report(user=administrator, survey=questionnaire, year=this_year)
    }
    online = rows["online"]
    assert (online.previous.responses, online.current.responses, online.change) == (2, 3, 50.0)
    assert (online.previous.csat, online.current.csat) == (100.0, 66.7)
    total = rows["total"]
    assert (total.previous.responses, total.current.responses, total.change) == (2, 4, 100.0)
    assert rows["kiosk"].change is None  # nothing the year before
