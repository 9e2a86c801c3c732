"""The full application: drafts, clocks that pause, the offer that commits capacity, payment,
completion, annulment with a letter; another customer and another branch see nothing."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gridportal.capacity.models import CapacityAssessment, CommittedCapacity
from gridportal.connection.models import ConnectionApplication
from gridportal.connection.services import applications as services
from gridportal.core.signals import service_event

from .steps import energize, walk

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def en(client, customer):
    client.cookies["django_language"] = "en"
    client.force_login(customer)
    return client


@pytest.fixture
def private_files(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        },
    }


def send(client, home, **changes):
    return walk(client, home, **changes)


def committed(centre_id):
    return CapacityAssessment.objects.get(power_centre_id=centre_id, snapshot__isnull=True)


def test_a_draft_is_kept_without_a_number_or_a_clock(en, home, private_files):
    response = walk(en, home, until="applicant")
    draft = ConnectionApplication.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(
        f"/drafts/{draft.pk}/object/"
    )
    assert draft.stage == "draft" and draft.number is None and draft.offer_due is None


def test_a_disguised_attachment_is_refused(en, home, private_files):
    fake = SimpleUploadedFile(
        "plan.pdf", b"MZ\x90\x00 this is a program", content_type="application/pdf"
    )
    response = send(en, home, location_plan=fake)
    assert response.status_code == 400
    assert "Attach a PDF, JPEG or PNG file." in response.content.decode()
    assert not ConnectionApplication.objects.exclude(stage="draft").exists()
    assert not ConnectionApplication.objects.get().documents.exists()


def test_without_the_location_plan_the_application_is_not_registered(en, home, private_files):
    response = send(en, home, location_plan="")
    assert response.status_code == 400
    assert "Attach the plan of the location of the devices." in response.content.decode()
    assert not ConnectionApplication.objects.exclude(stage="draft").exists()


def test_the_whole_life_of_an_application(
    en, home, private_files, connection_officer, smtp_server, django_capture_on_commit_callbacks
):
    heard = []

    def listener(sender, kind, record, **kwargs):
        heard.append((kind, record.number))

    service_event.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = send(en, home)
        a = ConnectionApplication.objects.get()
        assert response.status_code == 302 and a.number.startswith("ЗТП-")
        assert a.category == "individual_15" and a.offer_due is not None
        page = en.get(reverse("connection:application", args=[a.number])).content.decode()
        assert "Application received and registered" in page
        centre = home.substation.feeder.power_centre_id
        before = committed(centre).committed_kw

        with django_capture_on_commit_callbacks(execute=True):
            services.application_documents_request(
                application=a, actor=connection_officer, text="Нет правоустанавливающего документа"
            )
        a.refresh_from_db()
        assert a.stage == "incomplete" and a.paused_since is not None
        page = en.get(reverse("connection:application", args=[a.number])).content.decode()
        assert 'data-testid="paused"' in page and "Нет правоустанавливающего документа" in page

        title = SimpleUploadedFile("title.pdf", PDF, content_type="application/pdf")
        with django_capture_on_commit_callbacks(execute=True):
            response = en.post(
                reverse("connection:application", args=[a.number]),
                {"kind": "title", "document": title},
            )
        a.refresh_from_db()
        assert response.status_code == 302 and a.stage == "received" and a.paused_since is None

        with django_capture_on_commit_callbacks(execute=True):
            services.application_offer_issue(
                application=a,
                actor=connection_officer,
                power_centre_id=centre,
                substation_name="ТП-110",
                fee_total=D("75000"),
            )
        a.refresh_from_db()
        assert a.stage == "offer" and a.payment_due is not None
        assert committed(centre).committed_kw == before + D("15")  # on the load map at once
        assert CommittedCapacity.objects.filter(document_number=a.tu_number).exists()

        with django_capture_on_commit_callbacks(execute=True):
            services.application_payment_record(
                application=a, actor=connection_officer, paid_on=a.offer_on
            )
        a.refresh_from_db()
        assert a.stage == "paid" and a.completion_due is not None

        with django_capture_on_commit_callbacks(execute=True):
            energize(a, officer=connection_officer)
        a.refresh_from_db()
        assert a.stage == "completed"
        assert heard == [("connection_completed", a.number)]
        page = en.get(reverse("connection:application", args=[a.number])).content.decode()
        assert page.count("done on") == 9  # every stage, each with its date
    finally:
        service_event.disconnect(listener)
    subjects = [m["subject"] for m in smtp_server.messages]
    assert len(subjects) == 10 and all(a.number in s for s in subjects)


def test_an_unpaid_invoice_is_annulled_once_with_a_letter(
    en, home, private_files, connection_officer, smtp_server, django_capture_on_commit_callbacks
):
    send(en, home)
    a = ConnectionApplication.objects.get()
    centre = home.substation.feeder.power_centre_id
    services.application_offer_issue(
        application=a,
        actor=connection_officer,
        power_centre_id=centre,
        substation_name="",
        fee_total=D("75000"),
    )
    a.refresh_from_db()
    with_commitment = committed(centre).committed_kw
    assert services.applications_annul_unpaid(today=a.payment_due) == 0  # still in time
    with django_capture_on_commit_callbacks(execute=True):
        assert services.applications_annul_unpaid(today=a.payment_due + dt.timedelta(days=1)) == 1
    assert services.applications_annul_unpaid(today=a.payment_due + dt.timedelta(days=2)) == 0
    a.refresh_from_db()
    assert a.stage == "annulled"
    assert committed(centre).committed_kw == with_commitment - D("15")  # released
    (letter,) = smtp_server.messages
    assert "annulled" in letter["body"] and a.payment_due.strftime("%d.%m.%Y") in letter["body"]


def test_another_customer_and_another_branch_see_nothing(
    client, en, home, private_files, other_customer, connection_officer, other_connection_officer
):
    send(en, home)
    a = ConnectionApplication.objects.get()
    client.force_login(other_customer)
    assert client.get(reverse("connection:application", args=[a.number])).status_code == 404
    client.force_login(other_connection_officer)
    assert client.get(reverse("staff:connection:application", args=[a.number])).status_code == 404
    assert a.number not in client.get(reverse("staff:connection:queue")).content.decode()
    client.force_login(connection_officer)
    assert a.number in client.get(reverse("staff:connection:queue")).content.decode()
    assert client.get(reverse("staff:connection:application", args=[a.number])).status_code == 200


def test_the_api_gives_a_customer_their_own_applications_and_staff_their_branch(
    client, en, home, private_files, other_customer, connection_officer, other_connection_officer
):
    send(en, home)
    a = ConnectionApplication.objects.get()
    mine = en.get("/api/v1/connection/applications/").json()
    assert [r["number"] for r in mine["results"]] == [a.number]
    assert mine["results"][0]["offer_due"] == a.offer_due.isoformat()
    client.force_login(other_customer)
    assert client.get("/api/v1/connection/applications/").json()["results"] == []
    assert client.get(f"/api/v1/connection/applications/{a.number}/").status_code == 404
    client.force_login(other_connection_officer)
    assert client.get(f"/api/v1/connection/applications/{a.number}/").status_code == 404
    client.force_login(connection_officer)
    assert client.get(f"/api/v1/connection/applications/{a.number}/").json()["stage"] == "received"


def test_the_report_counts_received_annulled_completed_and_kw_per_quarter(
    client, en, home, far_home, private_files, connection_officer, other_connection_officer
):
    import csv
    import io

    send(en, home)
    send(en, home, cadastral_number="10:01:0100101:56")
    first, second = ConnectionApplication.objects.order_by("id")
    centre = home.substation.feeder.power_centre_id
    for a in (first, second):
        services.application_offer_issue(
            application=a,
            actor=connection_officer,
            power_centre_id=centre,
            substation_name="",
            fee_total=D("1"),
        )
    first.refresh_from_db()
    services.application_payment_record(
        application=first, actor=connection_officer, paid_on=first.offer_on
    )
    energize(first, officer=connection_officer)
    second.refresh_from_db()
    services.applications_annul_unpaid(today=second.payment_due + dt.timedelta(days=1))
    client.force_login(connection_officer)
    client.cookies["django_language"] = "en"
    body = client.get("/staff/connection/reports/connection.csv").content.decode("utf-8-sig")
    (row,) = list(csv.DictReader(io.StringIO(body)))
    assert (row["Received"], row["Annulled"], row["Completed"]) == ("2", "1", "1")
    assert row["Capacity connected, kW"] == "15.0"
    assert row["Category"] == "Individual, up to 15 kW for domestic needs"
    assert client.get("/staff/connection/reports/connection.xlsx").status_code == 200
    client.force_login(other_connection_officer)
    body = client.get("/staff/connection/reports/connection.csv").content.decode("utf-8-sig")
    assert list(csv.DictReader(io.StringIO(body))) == []  # another branch: nothing
