"""The questionnaire API: definitions for anyone, answers idempotent by client_id, summaries for staff."""

import uuid

import pytest

from gridportal.surveys.models import Response

pytestmark = pytest.mark.django_db


def test_published_questionnaires_and_their_questions_are_public(client, questionnaire):
    listed = client.get("/api/v1/surveys/").json()
    assert [s["slug"] for s in listed] == ["office"]
    detail = client.get("/api/v1/surveys/office/").json()
    assert detail["version"] == 1
    missing = next(q for q in detail["questions"] if q["key"] == "missing")
    assert (missing["condition_key"], missing["condition_value"]) == ("clear", "no")
    assert client.get("/api/v1/surveys/nothing/").status_code == 404


def post(client, body, **headers):
    return client.post(
        "/api/v1/surveys/office/answers/", body, content_type="application/json", **headers
    )


def test_a_kiosk_retry_with_the_same_client_id_returns_the_first_record(
    client, questionnaire, branch
):
    body = {
        "client_id": str(uuid.uuid4()),
        "version": 1,
        "channel": "kiosk",
        "branch": branch.code,
        "office": "ЦОК Петрозаводск",
        "answers": {"overall": 4, "clear": "yes", "recommend": 10},
    }
    first = post(client, body)
    assert first.status_code == 201 and first.json()["created"] is True
    again = post(client, body)
    assert again.status_code == 200 and again.json()["created"] is False
    assert again.json()["client_id"] == body["client_id"]
    response = Response.objects.get()
    assert (response.channel, response.office, response.branch) == (
        "kiosk",
        "ЦОК Петрозаводск",
        branch,
    )


def test_wrong_answers_are_a_400_naming_each_question(client, questionnaire):
    reply = post(
        client,
        {"client_id": str(uuid.uuid4()), "answers": {"overall": 9, "clear": "no", "recommend": 5}},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert reply.status_code == 400
    fields = reply.json()["error"]["fields"]
    assert set(fields) == {"answers.overall", "answers.missing"}
    assert not Response.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"answers": {"overall": 4}},  # no client id
        {"client_id": "not-a-uuid", "answers": {}},
        {"client_id": str(uuid.uuid4()), "answers": {"overall": {"deep": 1}}},
        {"client_id": str(uuid.uuid4()), "answers": "5"},
    ],
)
def test_malformed_bodies_are_a_400(client, questionnaire, body):
    assert post(client, body).status_code == 400


def test_only_staff_may_send_paper_answers(client, questionnaire):
    body = {
        "client_id": str(uuid.uuid4()),
        "channel": "paper",
        "answers": {"overall": 4, "clear": "yes", "recommend": 9},
    }
    assert post(client, body).status_code == 400


def test_the_summary_is_for_staff_and_counts_their_branches_only(
    client, questionnaire, branch, other_branch, officer
):
    for code, score in ((branch.code, 5), (other_branch.code, 1)):
        post(
            client,
            {
                "client_id": str(uuid.uuid4()),
                "branch": code,
                "answers": {"overall": score, "clear": "yes", "recommend": 10},
            },
        )
    assert client.get("/api/v1/surveys/office/summary/").status_code in (401, 403)
    client.force_login(officer)
    summary = client.get("/api/v1/surveys/office/summary/").json()
    assert summary["responses"] == 1
    overall = next(q for q in summary["questions"] if q["key"] == "overall")
    assert overall["csat"] == 100.0
    assert client.get("/api/v1/surveys/office/summary/?date_from=yesterday").status_code == 400
