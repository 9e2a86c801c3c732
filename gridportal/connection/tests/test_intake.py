"""The request-intention: the page, the letter, the API, the leads of the branch."""

from decimal import Decimal as D
from urllib.parse import quote

import pytest
from django.urls import reverse

from gridportal.accounts.models import ConsentRecord
from gridportal.connection.models import ConnectionIntention
from gridportal.core.models import AuditLogEntry

pytestmark = pytest.mark.django_db

FORM = {
    "applicant_kind": "individual",
    "object_kind": "house",
    "power_new_kw": "15",
    "power_existing_kw": "0",
    "voltage": "0.4",
    "reliability": "3",
    "name": "Анна Петрова",
    "phone": "+7 921 000-11-22",
    "email": "anna@example.ru",
    "consent": "on",
}


@pytest.fixture
def en(client):
    client.cookies["django_language"] = "en"
    return client


def post(client, home, **changes):
    return client.post(reverse("connection:intention"), {**FORM, "address": home.pk, **changes})


def test_the_form_is_prefilled_from_the_address_page(client, home):
    html = client.get(f"/connection/?address={home.pk}&power_new_kw=10").content.decode()
    assert home.label in html and 'value="10"' in html


def test_a_household_gets_its_category_candidates_fee_deadlines_and_documents(
    en, home, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(en, home)
    assert response.status_code == 201
    html = response.content.decode()
    intention = ConnectionIntention.objects.get()
    assert intention.number.startswith("ЗН-") and intention.number in html
    assert "Individual, up to 15 kW for domestic needs" in html
    # ТП-110: 250 − 225 = 25 kVA free; 15 kW / 0.9 = 16.7 kVA: it fits.
    assert "ТП-110" in html and "Free: 25.0 kVA; after your load 8.3 kVA." in html
    # min(30 000 + 25 000 + 3 000 × 15 = 100 000; 5 000 × 15 = 75 000)
    assert "Indicative fee: 75,000.00 ₽" in html
    # The house stands by its ТП (0 m): 0.4 kV within 15 m of the grid.
    assert "30 working days from the day the contract is concluded" in html
    assert "5 working days from the day the offer is posted" in html
    assert "Plan of the location of the devices" in html
    assert intention.consent.subject == "connection.intention"
    (letter,) = smtp_server.messages
    assert letter["to"] == ["anna@example.ru"]
    assert intention.number in letter["subject"]
    assert "75,000.00 ₽" in letter["body"] and "ТП-110" in letter["body"]
    # The letter's link starts the full application prefilled from this intention.
    link = f"/connection/applications/new/?intention={quote(intention.number)}"
    assert link in letter["body"]


def test_a_shop_of_100_kw_hears_its_tp_is_full_even_though_the_centre_has_room(en, home):
    response = post(en, home, applicant_kind="entrepreneur", object_kind="shop", power_new_kw="100")
    assert response.status_code == 201
    html = response.content.decode()
    # ТП-110 has 25 kVA free, 100 kW / 0.9 = 111.1 kVA: the load goes through the full ТП.
    assert "Free: 25.0 kVA; after your load -86.1 kVA." in html
    assert "The centre has room, but ТП-110 above does not." in html
    assert "Your load would go through ТП-110, which has no room now" in html
    assert "There is room." not in html
    answer = ConnectionIntention.objects.get().answer
    assert answer["blocked_by"] == "ТП-110"


def test_the_answer_is_in_russian_by_default(client, home):
    html = post(client, home).content.decode()
    assert "Физическое лицо, до 15 кВт для бытовых нужд" in html
    assert "Свободно: 25,0 кВА" in html


def test_a_repeat_within_minutes_is_the_same_intention(client, home):
    first = post(client, home)
    again = post(client, home)
    assert first.status_code == 201 and again.status_code == 200
    assert ConnectionIntention.objects.count() == 1


@pytest.mark.parametrize("kw", ["-5", "0", "999999999", "abc"])
def test_negative_or_absurd_power_is_refused_with_a_message(en, home, kw):
    response = post(en, home, power_new_kw=kw)
    assert response.status_code == 400
    assert 'class="error"' in response.content.decode()
    assert not ConnectionIntention.objects.exists()


def test_a_power_beyond_the_rule_is_refused_by_the_service(en, home):
    response = post(en, home, power_new_kw="300000")
    assert response.status_code == 400
    assert "at most 200000 kW" in response.content.decode()


def test_an_address_outside_the_network_is_refused(en, home):
    response = en.post(reverse("connection:intention"), {**FORM, "address": 999999})
    assert response.status_code == 400
    assert "not served by our network" in response.content.decode()


def test_without_consent_nothing_is_stored(en, home):
    data = {**FORM, "address": home.pk}
    data.pop("consent")
    response = en.post(reverse("connection:intention"), data)
    assert response.status_code == 400
    assert not ConnectionIntention.objects.exists() and not ConsentRecord.objects.exists()


def test_the_api_answers_with_number_category_candidates_fee_deadlines_documents(client, home):
    body = {**FORM, "address": home.pk, "consent": True, "power_new_kw": "100"}
    body["applicant_kind"] = "legal"
    body["object_kind"] = "shop"
    response = client.post("/api/v1/connection/intentions/", body, content_type="application/json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["number"].startswith("ЗН-")
    assert data["category"]["code"] == "small_150"
    assert data["binding"] is False
    tp, centre = data["candidates"]
    assert tp["name"] == "ТП-110" and tp["fits"] is False  # 111.1 kVA > 25 kVA
    assert centre["fits"] is True and centre["unit"] == "MVA"
    # 30 000 + 25 000 + 3 000 × 100
    assert D(data["fee"]["total"]) == D("355000.00")
    assert data["fee"]["breakdown"][-1]["amount"] == "355000.00"
    assert {d["kind"] for d in data["deadlines"]} == {"offer", "payment", "completion"}
    assert data["documents"]


def test_the_api_refuses_bad_power_and_an_unknown_address(client, home):
    body = {**FORM, "address": home.pk, "consent": True, "power_new_kw": "-1"}
    r = client.post("/api/v1/connection/intentions/", body, content_type="application/json")
    assert r.status_code == 400 and "power_new_kw" in r.json()["error"]["fields"]
    body = {**FORM, "address": 424242, "consent": True}
    r = client.post("/api/v1/connection/intentions/", body, content_type="application/json")
    assert r.status_code == 400 and "address" in r.json()["error"]["fields"]


def test_leads_are_seen_by_connection_staff_of_the_branch_only(
    client, home, far_home, connection_officer, other_connection_officer
):
    post(client, home)
    post(client, far_home, email="petr@example.ru")
    ours, theirs = ConnectionIntention.objects.order_by("id")
    client.force_login(connection_officer)
    html = client.get("/staff/connection/leads/").content.decode()
    assert ours.number in html and theirs.number not in html
    assert client.get(f"/staff/connection/leads/{theirs.number}/").status_code == 404
    page = client.get(f"/staff/connection/leads/{ours.number}/")
    assert page.status_code == 200 and "anna@example.ru" in page.content.decode()
    assert AuditLogEntry.objects.filter(actor=connection_officer, action="view").exists()
    api = client.get("/api/v1/connection/staff/intentions/").json()
    assert [r["number"] for r in api["results"]] == [ours.number]
    response = client.post(
        f"/staff/connection/leads/{ours.number}/",
        {"status": "contacted", "staff_note": "Позвонили"},
    )
    assert response.status_code == 302
    ours.refresh_from_db()
    assert ours.status == "contacted" and ours.handled_by == connection_officer
    client.force_login(other_connection_officer)
    assert client.get(f"/api/v1/connection/staff/intentions/{ours.number}/").status_code == 404
