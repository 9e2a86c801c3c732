"""Public and staff pages, the API: what a person and a clerk see, and what is refused."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from gridportal.appeals.choices import EventKind, Status
from gridportal.appeals.models import Appeal
from gridportal.core.models import AuditLogEntry
from gridportal.testing.rules import rule_set

from .helpers import EXE, PDF, file_appeal

pytestmark = pytest.mark.django_db

SUBMIT = "/appeals/"


def form_data(address, **extra):
    data = {
        "address": address.pk,
        "appeal_type": "complaint",
        "topic": "power_quality",
        "text": "Низкое напряжение по вечерам",
        "name": "Иванова Мария",
        "email": "ivanova@example.ru",
        "answer_channel": "email",
        "consent": "on",
    }
    data.update(extra)
    return data


def test_the_form_starts_from_the_address(client, address):
    page = client.get(SUBMIT)
    assert page.status_code == 200 and b'name="q"' in page.content
    page = client.get(f"{SUBMIT}?address={address.pk}")
    assert address.label in page.content.decode()
    assert b'name="appeal_type"' in page.content
    assert client.get(f"{SUBMIT}?address=999999").status_code == 404


def test_submit_shows_number_code_and_due_date_and_the_person_can_track(client, address):
    response = client.post(SUBMIT, form_data(address))
    assert response.status_code == 200
    appeal = Appeal.objects.get()
    code = response.context["receipt"].code
    text = response.content.decode()
    assert appeal.number in text and code in text
    # Another visitor tracks it with number and code.
    other = client.__class__()
    found = other.post("/appeals/track/", {"number": appeal.number, "code": code})
    assert found.status_code == 302
    page = other.get(found["Location"])
    assert page.status_code == 200 and "Низкое напряжение" in page.content.decode()


def test_wrong_code_and_unknown_number_answer_alike(client, address):
    receipt = file_appeal(address)
    wrong_code = client.post(
        "/appeals/track/", {"number": receipt.appeal.number, "code": "AAAAA-BBBBB"}
    )
    unknown = client.post("/appeals/track/", {"number": "А-2026-999999", "code": receipt.code})
    assert wrong_code.status_code == unknown.status_code == 404
    assert (
        wrong_code.context["form"].non_field_errors() == unknown.context["form"].non_field_errors()
    )
    # Nobody sees an appeal by guessing its address either.
    assert client.get(f"/appeals/a/{receipt.appeal.number}/").status_code == 404


def test_guessing_is_rate_limited(client, address):
    rule_set("appeals", "track_per_ip_hour", 3)
    receipt = file_appeal(address)
    statuses = [
        client.post(
            "/appeals/track/", {"number": receipt.appeal.number, "code": f"X{i}"}
        ).status_code
        for i in range(4)
    ]
    assert statuses == [404, 404, 404, 429]


def test_html_in_the_text_is_shown_as_text(client, address):
    response = client.post(
        SUBMIT, form_data(address, text='<script>alert("x")</script><b>жирный</b>')
    )
    appeal = Appeal.objects.get()
    client.post(
        "/appeals/track/", {"number": appeal.number, "code": response.context["receipt"].code}
    )
    page = client.get(f"/appeals/a/{appeal.number}/").content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page


def test_a_disguised_or_oversized_file_is_refused_with_a_message(client, address, settings):
    exe = SimpleUploadedFile("договор.pdf", EXE, content_type="application/pdf")
    response = client.post(SUBMIT, {**form_data(address), "attachments": [exe]})
    assert response.status_code == 400
    assert "договор.pdf" in response.content.decode()
    assert not Appeal.objects.exists()
    settings.UPLOAD_MAX_BYTES = 40
    big = SimpleUploadedFile("акт.pdf", PDF, content_type="application/pdf")
    response = client.post(SUBMIT, {**form_data(address), "attachments": [big]})
    assert response.status_code == 400
    assert "акт.pdf: " in response.content.decode()  # the file named, with the reason
    assert not Appeal.objects.exists()


def test_more_than_five_files_are_refused(client, address):
    files = [SimpleUploadedFile(f"{i}.pdf", PDF) for i in range(6)]
    response = client.post(SUBMIT, {**form_data(address), "attachments": files})
    assert response.status_code == 400
    assert not Appeal.objects.exists()


def test_anonymous_appeal_needs_no_contacts_and_says_it_cannot_be_answered(client, address):
    response = client.post(
        SUBMIT,
        {
            "address": address.pk,
            "appeal_type": "proposal",
            "topic": "other",
            "text": "Поставьте фонари",
            "anonymous": "on",
        },
    )
    assert response.status_code == 200
    assert Appeal.objects.get().anonymous
    assert "cannot answer" in response.content.decode() or "не сможем" in response.content.decode()


def test_missing_contacts_and_consent_are_explained(client, address):
    response = client.post(SUBMIT, form_data(address, email="", consent="", answer_channel=""))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "email" in errors and "consent" in errors


def test_staff_queue_detail_and_actions_are_branch_scoped(client, address, clerk, other_clerk):
    appeal = file_appeal(address).appeal
    client.force_login(clerk)
    assert appeal.number in client.get("/staff/appeals/").content.decode()
    assert client.get(f"/staff/appeals/a/{appeal.number}/").status_code == 200
    assert AuditLogEntry.objects.filter(object_id=str(appeal.pk), action="view").exists()
    response = client.post(
        f"/staff/appeals/a/{appeal.number}/info/", {"question": "Укажите номер договора"}
    )
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.status == Status.WAITING
    client.force_login(other_clerk)
    assert appeal.number not in client.get("/staff/appeals/").content.decode()
    assert client.get(f"/staff/appeals/a/{appeal.number}/").status_code == 404
    assert (
        client.post(f"/staff/appeals/a/{appeal.number}/note/", {"text": "чужое"}).status_code == 404
    )
    assert client.get("/api/v1/appeals/staff/").json()["results"] == []


def test_staff_register_a_phone_appeal_with_its_channel(client, address, clerk):
    client.force_login(clerk)
    response = client.post(
        "/staff/appeals/new/",
        form_data(address, channel="phone", callback_requested="on", consent="on"),
    )
    assert response.status_code == 302
    appeal = Appeal.objects.get()
    assert appeal.channel == "phone" and appeal.created_by == clerk
    assert appeal.callback_due_at is not None


def test_registry_export_and_yearly_report(client, address, clerk):
    appeal = file_appeal(address).appeal
    client.force_login(clerk)
    response = client.get("/staff/appeals/registry/?format=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    numbers = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert numbers == [appeal.number]
    assert AuditLogEntry.objects.filter(action="export").exists()
    report = client.get("/staff/appeals/report/")
    assert report.status_code == 200
    assert report.context["table"][0]["total"].current == 1


def test_the_staff_answer_reaches_the_person(client, address, clerk):
    receipt = file_appeal(address)
    number = receipt.appeal.number
    client.force_login(clerk)
    response = client.post(
        f"/staff/appeals/a/{number}/answer/",
        {
            "answer": "Напряжение восстановлено",
            "justified": "justified",
            "subject": "transmission",
            "attachments": [SimpleUploadedFile("ответ.pdf", PDF)],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    client.post("/appeals/track/", {"number": number, "code": receipt.code})
    page = client.get(f"/appeals/a/{number}/").content.decode()
    assert "Напряжение восстановлено" in page and "ответ.pdf" in page
    file_id = receipt.appeal.attachments.get(from_company=True).pk
    download = client.get(f"/appeals/a/{number}/files/{file_id}/")
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")


def test_api_create_track_and_wrong_code(client, address):
    response = client.post(
        "/api/v1/appeals/",
        {
            "appeal_type": "question",
            "topic": "metering",
            "text": "Когда поверка счётчика?",
            "address": address.pk,
            "email": "ivanova@example.ru",
            "consent": True,
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"number", "code", "due_date"}
    track = client.get(f"/api/v1/appeals/{body['number']}/", {"code": body["code"]})
    assert track.status_code == 200
    assert track.json()["status"] == "registered"
    assert track.json()["history"][0]["kind"] == EventKind.REGISTERED
    assert client.get(f"/api/v1/appeals/{body['number']}/", {"code": "WRONG"}).status_code == 404
    refused = client.post(
        "/api/v1/appeals/",
        {
            "appeal_type": "question",
            "topic": "metering",
            "text": "x",
            "address": address.pk,
            "email": "a@example.ru",
        },
        content_type="application/json",
    )
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "consent"


def test_customer_account_lists_own_appeals(client, address, customer, other_customer):
    appeal = file_appeal(address, user=customer).appeal
    client.force_login(customer)
    assert appeal.number in client.get(reverse("appeals:mine")).content.decode()
    assert client.get(f"/appeals/a/{appeal.number}/").status_code == 200
    client.force_login(other_customer)
    assert appeal.number not in client.get(reverse("appeals:mine")).content.decode()
    assert client.get(f"/appeals/a/{appeal.number}/").status_code == 404


def test_staff_api_is_branch_scoped_and_refuses_customers(
    client, address, other_addresses, clerk, other_clerk, customer
):
    mine = file_appeal(address).appeal
    theirs = file_appeal(other_addresses[0], email="petrov@example.ru").appeal
    client.force_login(clerk)
    numbers = [row["number"] for row in client.get("/api/v1/appeals/staff/").json()["results"]]
    assert numbers == [mine.number]
    assert client.get(f"/api/v1/appeals/staff/{mine.number}/").status_code == 200
    assert client.get(f"/api/v1/appeals/staff/{theirs.number}/").status_code == 404
    client.force_login(other_clerk)
    assert client.get(f"/api/v1/appeals/staff/{mine.number}/").status_code == 404
    client.force_login(customer)
    assert client.get("/api/v1/appeals/staff/").status_code == 403
    client.logout()
    assert client.get("/api/v1/appeals/staff/").status_code in (401, 403)


def test_admin_shows_only_the_branch_to_a_branch_administrator(client, address, other_addresses):
    from gridportal.accounts.choices import StaffRole
    from gridportal.accounts.services import staff_user_create

    mine = file_appeal(address).appeal
    theirs = file_appeal(other_addresses[0], email="petrov@example.ru").appeal
    admin_user = staff_user_create(
        username="branch-admin",
        password="correct-horse-battery",
        roles=[StaffRole.ADMINISTRATOR],
        branches=[address.branch],
    )
    client.force_login(admin_user)
    page = client.get("/admin/appeals/appeal/").content.decode()
    assert mine.number in page and theirs.number not in page


def test_queue_search_finds_words_in_the_text(client, address, clerk):
    from django.db import connection

    found = file_appeal(address, text="Напряжение падает до 170 В").appeal
    other = file_appeal(address, text="Когда поверка счётчика?", email="b@example.ru").appeal
    client.force_login(clerk)
    page = client.get("/staff/appeals/", {"q": "напряжение"}).content.decode()
    assert found.number in page and other.number not in page
    if connection.vendor == "postgresql":  # Russian stemming: another form of the word
        page = client.get("/staff/appeals/", {"q": "напряжения"}).content.decode()
        assert found.number in page and other.number not in page


def test_passing_to_another_branch_moves_who_sees_it(
    client, address, other_branch, clerk, other_clerk
):
    appeal = file_appeal(address).appeal
    client.force_login(clerk)
    response = client.post(
        f"/staff/appeals/a/{appeal.number}/redirect-branch/",
        {"branch": other_branch.pk, "reason": "Адрес обслуживает Псковский филиал"},
    )
    assert response.status_code == 302
    assert client.get(f"/staff/appeals/a/{appeal.number}/").status_code == 404
    client.force_login(other_clerk)
    page = client.get(f"/staff/appeals/a/{appeal.number}/").content.decode()
    assert "Адрес обслуживает Псковский филиал" in page
