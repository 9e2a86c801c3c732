"""The full application step by step: each step saves the draft, a draft reopens where it was
left, what a step asks depends on the applicant and the category, the review shows everything
and only a complete application with consent is registered."""

from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gridportal.connection.models import ConnectionApplication

from .steps import PDF, walk

pytestmark = pytest.mark.django_db


@pytest.fixture
def en(client, customer, private_files):
    client.cookies["django_language"] = "en"
    client.force_login(customer)
    return client


def draft():
    return ConnectionApplication.objects.get()


def step_url(step):
    return reverse("connection:step", args=[draft().pk, step])


def test_each_step_saves_the_draft_and_it_reopens_where_it_was_left(en, home):
    walk(en, home, until="power")
    d = draft()
    assert d.stage == "draft" and d.number is None and d.offer_due is None
    assert d.applicant_name == "Петрова Анна Сергеевна" and d.object_kind == "house"
    assert d.power_new_kw == D("15") and d.supplier == "АО «ТНС энерго Карелия»"
    response = en.get(reverse("connection:draft", args=[d.pk]))
    assert response["Location"] == step_url("attachments")
    page = en.get(step_url("power")).content.decode()
    assert "Draft saved." in page and 'value="15.0"' in page


def test_the_request_intention_fills_the_first_steps(en, home, customer):
    from gridportal.connection.services import IntentionSubmission, intention_submit
    from gridportal.core.intake import Origin

    receipt = intention_submit(
        submission=IntentionSubmission(
            address=home,
            applicant_kind="individual",
            object_kind="dacha",
            power_new_kw=D("12"),
            voltage="0.4",
            reliability="3",
            name="Анна Петрова",
            email=customer.email,
            consent_given=True,
        ),
        origin=Origin(channel="web"),
    )
    number = receipt.intention.number
    page = en.get(reverse("connection:application-new") + f"?intention={number}")
    assert 'value="Анна Петрова"' in page.content.decode()
    response = en.post(
        reverse("connection:application-new") + f"?intention={number}",
        {"applicant_kind": "individual", "applicant_name": "Анна Петрова", "identity": "8601 1"},
    )
    assert response.status_code == 302
    assert (draft().object_kind, draft().power_new_kw, draft().address) == ("dacha", D("12"), home)


def test_what_the_power_step_asks_depends_on_who_applies(en, client, home, other_customer):
    walk(en, home, until="object")
    page = en.get(step_url("power")).content.decode()
    assert 'name="social"' in page and 'name="procurement"' not in page
    ConnectionApplication.objects.update(applicant_kind="legal")
    page = en.get(step_url("power")).content.decode()
    assert 'name="procurement"' in page and 'name="social"' not in page


def test_a_social_category_needs_its_proof(en, home):
    walk(en, home, until="power", social="on")
    assert draft().social
    response = en.post(step_url("attachments"), {"location_plan": plan()})
    assert response.status_code == 400
    assert "Attach the proof of the social category." in response.content.decode()
    proof = SimpleUploadedFile("proof.pdf", PDF, content_type="application/pdf")
    response = en.post(step_url("attachments"), {"location_plan": plan(), "social_proof": proof})
    assert response.status_code == 302
    assert set(draft().documents.values_list("kind", flat=True)) == {
        "location_plan",
        "social_proof",
    }


def test_a_social_category_claimed_after_the_attachments_still_needs_its_proof(en, home):
    walk(en, home, until="attachments")
    ConnectionApplication.objects.update(social=True)  # changed on the power step afterwards
    response = en.post(step_url("review"), {"consent": "on"})
    assert response.status_code == 400
    assert "Attach the proof of the social category." in response.content.decode()
    assert step_url("attachments") in response.content.decode() and draft().number is None


def test_a_question_that_no_longer_applies_is_answered_no(en, home):
    walk(en, home, until="power", applicant_kind="legal", applicant_name="ООО", procurement="on")
    assert draft().procurement
    ConnectionApplication.objects.update(applicant_kind="individual")
    data = {"power_new_kw": "15", "voltage": "0.4", "reliability": "3", "supplier": "ГП"}
    assert en.post(step_url("power"), data).status_code == 302  # no existing power given
    assert not draft().procurement and draft().power_existing_kw == 0


def test_the_documents_the_category_needs_are_listed(en, home):
    walk(en, home, until="power", applicant_kind="legal", power_new_kw="200", applicant_name="ООО")
    page = en.get(step_url("attachments")).content.decode()
    assert "Over 150 and under 670 kW" in page
    assert "List and power of the devices, and the staged commissioning schedule" in page
    ConnectionApplication.objects.update(applicant_kind="individual", power_new_kw=D("10"))
    page = en.get(step_url("attachments")).content.decode()
    assert "Individual, up to 15 kW for domestic needs" in page
    assert "staged commissioning schedule" not in page


def test_the_review_shows_everything_and_only_consent_sends_it(en, home):
    walk(en, home, until="attachments")
    page = en.get(step_url("review")).content.decode()
    for shown in ("Петрова Анна Сергеевна", home.label, "15.0 kW", "plan.pdf", "10:01:0100101:55"):
        assert shown in page
    response = en.post(step_url("review"), {})
    assert response.status_code == 400
    assert "only with your consent" in response.content.decode()
    assert draft().number is None
    response = en.post(step_url("review"), {"consent": "on"})
    a = draft()
    assert a.stage == "received" and response["Location"] == reverse(
        "connection:application", args=[a.number]
    )


def test_a_draft_that_skipped_a_step_is_not_sent_and_says_where_to_go(en, home):
    walk(en, home, until="object")
    response = en.post(step_url("review"), {"consent": "on"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Fill in «new power, kW» before sending the application." in body
    assert step_url("power") in body
    assert draft().number is None


def test_bad_power_gets_a_clear_message(en, home):
    walk(en, home, until="object")
    data = {"power_new_kw": "-5", "voltage": "0.4", "reliability": "3", "supplier": "ГП"}
    response = en.post(step_url("power"), data)
    assert response.status_code == 400
    assert "The power must be more than 0 kW." in response.content.decode()
    response = en.post(step_url("power"), {**data, "power_new_kw": "99999999999"})
    assert response.status_code == 400 and "check the number of kW" in response.content.decode()


def test_another_customer_cannot_open_or_fill_the_draft(en, client, home, other_customer):
    walk(en, home, until="applicant")
    client.force_login(other_customer)
    assert client.get(reverse("connection:draft", args=[draft().pk])).status_code == 404
    assert client.get(step_url("object")).status_code == 404
    assert client.post(step_url("object"), {"object_kind": "shop"}).status_code == 404
    assert draft().object_kind == ""
    assert en.get(reverse("connection:step", args=[draft().pk, "nonsense"])).status_code == 404


def plan():
    return SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")
