"""After payment: the company's and the applicant's works side by side, the readiness notice
from the account, the inspection, the connection act and energizing — each with its date, its
due date, a letter and an audit entry; the staff queue by stage; the API's stage values."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from gridportal.connection.choices import Stage
from gridportal.connection.models import ConnectionApplication
from gridportal.connection.services import applications as services
from gridportal.core.exceptions import ApplicationError
from gridportal.core.models import AuditLogEntry
from gridportal.core.selectors import working_calendar

from .steps import PDF, energize

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _files(private_files):
    """Every test here stores files."""


@pytest.fixture
def en(client, customer):
    client.cookies["django_language"] = "en"
    client.force_login(customer)
    return client


@pytest.fixture
def officer(client, connection_officer):
    from django.test import Client

    staff = Client()
    staff.cookies["django_language"] = "en"
    staff.force_login(connection_officer)
    return staff


def page_of(client, a):
    return client.get(reverse("connection:application", args=[a.number])).content.decode()


def test_the_applicant_sends_the_readiness_notice_with_a_file_from_the_account(
    en, paid, smtp_server, django_capture_on_commit_callbacks
):
    assert "Send the readiness notice" in page_of(en, paid)
    photo = SimpleUploadedFile("notice.pdf", PDF, content_type="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = en.post(
            reverse("connection:application", args=[paid.number]),
            {"text": "Вводной щит смонтирован", "document": photo},
        )
    assert response.status_code == 302
    a = ConnectionApplication.objects.get()
    today = timezone.localdate()
    assert a.stage == Stage.PAID and a.readiness_notice_on == today  # the company's works remain
    assert a.inspection_due == working_calendar().add_working_days(today, 10)
    assert a.documents.filter(kind="readiness_notice").count() == 1
    page = page_of(en, a)
    assert "Send the readiness notice" not in page and "Вводной щит смонтирован" in page
    assert "Readiness notice (technical conditions carried out)" in page  # the file is linked
    (letter,) = smtp_server.messages
    assert "Мы проведём осмотр до " + a.inspection_due.strftime("%d.%m.%Y") in letter["body"]
    assert AuditLogEntry.objects.filter(
        object_id=str(a.pk), details__readiness_notice_on=today.isoformat()
    ).exists()


def test_a_disguised_file_with_the_notice_is_refused(en, paid):
    fake = SimpleUploadedFile("notice.pdf", b"MZ\x90\x00 program", content_type="application/pdf")
    response = en.post(reverse("connection:application", args=[paid.number]), {"document": fake})
    assert response.status_code == 400
    assert "Attach a PDF, JPEG or PNG file." in response.content.decode()
    assert ConnectionApplication.objects.get().readiness_notice_on is None


@pytest.mark.parametrize("company_first", [True, False])
def test_the_two_sides_works_run_side_by_side_in_either_order(
    paid, customer, connection_officer, company_first
):
    def company():
        return services.application_company_works_done(
            application=paid, actor=connection_officer, done_on=paid.paid_on
        )

    def applicant():
        return services.application_readiness_notice(application=paid, customer=customer)

    first, second = (company, applicant) if company_first else (applicant, company)
    assert first().stage == Stage.PAID  # one side alone is not enough
    a = second()
    assert a.stage == Stage.INSPECTION and a.company_works_on and a.readiness_notice_on


def test_every_step_has_a_date_a_due_date_a_letter_and_an_audit_entry(
    en, officer, paid, smtp_server, django_capture_on_commit_callbacks
):
    url = reverse("staff:connection:application", args=[paid.number])
    today = timezone.localdate().isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        assert officer.post(url, {"action": "works", "done_on": today}).status_code == 302
        en.post(reverse("connection:application", args=[paid.number]), {"text": ""})
        assert officer.post(url, {"action": "inspection", "inspected_on": today}).status_code == 302
        assert officer.post(url, {"action": "act"}).status_code == 302
        assert officer.post(url, {"action": "complete", "energized_on": today}).status_code == 302
    a = ConnectionApplication.objects.get()
    assert a.stage == Stage.COMPLETED
    assert a.act_due >= a.inspected_on and a.energize_due >= a.act_on
    assert all(d <= a.completion_due for d in (a.inspection_due, a.act_due, a.energize_due))
    kinds = list(a.events.values_list("kind", flat=True))
    assert kinds[-5:] == ["works_done", "ready", "inspected", "act", "connected"]
    assert len(smtp_server.messages) == 5
    updates = AuditLogEntry.objects.filter(object_id=str(a.pk), action="update")
    changed = {key for e in updates for key in e.details}
    assert {"company_works_on", "readiness_notice_on", "inspected_on", "act_on", "stage"} <= changed
    page = page_of(en, a)
    for title in (
        "Works by the company",
        "Works by the applicant: readiness notice sent",
        "Inspection of the works",
        "Connection act issued",
        "Energized: connection completed",
    ):
        assert title in page
    assert "Nothing: you are connected." in page


def test_an_inspection_before_the_notice_or_in_the_future_is_refused(
    officer, paid, customer, connection_officer
):
    services.application_company_works_done(
        application=paid, actor=connection_officer, done_on=paid.paid_on
    )
    a = services.application_readiness_notice(application=paid, customer=customer)
    url = reverse("staff:connection:application", args=[a.number])
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    response = officer.post(url, {"action": "inspection", "inspected_on": tomorrow})
    assert response.status_code == 400
    assert "The date cannot be in the future." in response.content.decode()
    earlier = (a.readiness_notice_on - dt.timedelta(days=1)).isoformat()
    response = officer.post(url, {"action": "inspection", "inspected_on": earlier})
    assert response.status_code == 400 and "cannot be earlier than" in response.content.decode()
    response = officer.post(url, {"action": "inspection", "inspected_on": "31.02.2026"})
    assert response.status_code == 400 and "Enter a date." in response.content.decode()
    assert ConnectionApplication.objects.get().stage == Stage.INSPECTION


def test_no_step_can_be_skipped_or_repeated(paid, customer, other_customer, connection_officer):
    with pytest.raises(ApplicationError):
        services.application_act_issue(application=paid, actor=connection_officer)
    with pytest.raises(ApplicationError):
        services.application_complete(application=paid, actor=connection_officer)
    with pytest.raises(ApplicationError):
        services.application_readiness_notice(application=paid, customer=other_customer)
    a = energize(paid, officer=connection_officer, until="inspection")
    with pytest.raises(ApplicationError):
        services.application_readiness_notice(application=a, customer=customer)
    with pytest.raises(ApplicationError):
        services.application_company_works_done(
            application=a, actor=connection_officer, done_on=a.paid_on
        )


def test_another_customer_cannot_send_the_notice(client, paid, other_customer):
    client.force_login(other_customer)
    response = client.post(reverse("connection:application", args=[paid.number]), {"text": "x"})
    assert response.status_code == 404
    assert ConnectionApplication.objects.get().readiness_notice_on is None


def test_the_queue_tells_which_side_of_the_works_is_pending(officer, paid, customer):
    queue = officer.get(reverse("staff:connection:queue") + "?stage=paid").content.decode()
    assert "our works under way · no notice yet" in queue
    assert paid.completion_due.strftime("%d.%m.%Y") in queue
    a = services.application_readiness_notice(application=paid, customer=customer)
    queue = officer.get(reverse("staff:connection:queue") + "?stage=paid").content.decode()
    assert "our works under way · notice received" in queue
    assert a.inspection_due.strftime("%d.%m.%Y") in queue  # now the inspection is what is due


def test_the_queue_shows_the_new_stages_with_due_dates_and_overdue(
    officer, paid, connection_officer
):
    a = energize(paid, officer=connection_officer, until="inspection")
    queue = officer.get(reverse("staff:connection:queue") + "?stage=inspection").content.decode()
    assert a.number in queue and "Works done: inspection due" in queue
    assert a.inspection_due.strftime("%d.%m.%Y") in queue and 'class="overdue"' not in queue
    ConnectionApplication.objects.filter(pk=a.pk).update(
        inspection_due=timezone.localdate() - dt.timedelta(days=1)
    )
    queue = officer.get(reverse("staff:connection:queue")).content.decode()
    assert '<tr class="overdue">' in queue and "1 overdue" in queue
    report = officer.get(reverse("staff:connection:report")).content.decode()
    assert ">1<" in report.replace(" ", "")  # the overdue count of the branch
    empty = officer.get(reverse("staff:connection:queue") + "?stage=act_issued").content.decode()
    assert a.number not in empty


def test_the_api_gives_the_new_stage_and_its_dates(en, paid, connection_officer):
    a = energize(paid, officer=connection_officer, until="act_issued")
    body = en.get(f"/api/v1/connection/applications/{a.number}/").json()
    assert body["stage"] == "act_issued"
    assert body["act_on"] == a.act_on.isoformat()
    assert body["energize_due"] == a.energize_due.isoformat()
    assert body["readiness_notice_on"] == a.readiness_notice_on.isoformat()


def test_the_openapi_schema_lists_every_stage(client):
    schema = client.get("/api/schema/?format=json").json()
    stage = schema["components"]["schemas"]["Application"]["properties"]["stage"]
    enum = stage.get("enum") or next(
        schema["components"]["schemas"][ref["$ref"].rsplit("/", 1)[-1]]["enum"]
        for ref in stage.get("allOf", [stage])
        if "$ref" in ref
    )
    assert {"paid", "inspection", "inspected", "act_issued", "completed"} <= set(enum)


def test_the_data_migration_dates_every_step_of_a_connection_completed_before(
    paid, connection_officer
):
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "gridportal.connection.migrations.0004_application_work_stages"
    )
    # A connection completed under the old single step: only its completion date is known.
    ConnectionApplication.objects.filter(pk=paid.pk).update(
        stage="completed", completed_on=paid.paid_on
    )
    migration.stages_forwards(apps, None)
    a = ConnectionApplication.objects.get()
    assert a.company_works_on == a.readiness_notice_on == a.inspected_on == a.act_on == a.paid_on
