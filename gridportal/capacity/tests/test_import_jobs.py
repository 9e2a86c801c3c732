"""Staff uploads are kept with their import record; large ones run in the background."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gridportal.capacity.choices import ImportStatus
from gridportal.capacity.models import CapacityImport, LoadMeasurement

pytestmark = pytest.mark.django_db

URL = "/staff/capacity/import/measurements/"
GOOD = "ЦП;Трансформатор;Нагрузка;Дата;Филиал\nПС-1;Т-1;1;18.06.2026;karelia\nПС-1;Т-2;2;18.06.2026;karelia\n"
BAD = "ЦП;Трансформатор;Нагрузка;Дата;Филиал\nПС-1;Т-9;1;18.06.2026;karelia\nПС-1;Т-1;1;18.06.2026;karelia\n"


@pytest.fixture
def en(client, officer):
    client.force_login(officer)
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def large(settings):
    settings.IMPORT_BACKGROUND_ROWS = 2
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the embedded tier


def upload(client, text, name="june.csv"):
    return client.post(URL, {"measurements-file": SimpleUploadedFile(name, text.encode())})


def status_row(client, record) -> str:
    return client.get(
        f"/staff/capacity/imports/{record.pk}/status/", headers={"HX-Request": "true"}
    ).content.decode()


def test_a_small_file_is_imported_at_once_and_kept_with_its_record(en, network, private_files):
    page = upload(en, GOOD)
    assert page.status_code == 302
    record = CapacityImport.objects.get()
    assert record.status == ImportStatus.DONE
    assert record.source_file == "june.csv"
    assert (private_files / record.stored_file).read_bytes() == GOOD.encode()
    assert "june.csv" not in record.stored_file


def test_a_large_file_is_queued_and_its_status_row_refreshes_until_done(
    en, network, large, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page = upload(en, GOOD)
    assert page.status_code == 302
    record = CapacityImport.objects.get()
    assert record.status == ImportStatus.QUEUED
    assert LoadMeasurement.objects.filter(measured_on="2026-06-18").count() == 0
    dashboard = en.get("/staff/capacity/").content.decode()
    assert "it is being imported in the background" in dashboard
    row = status_row(en, record)
    assert "Queued" in row and 'hx-trigger="every 2s"' in row

    for callback in callbacks:  # the commit: the task runs (eager in the embedded tier)
        callback()
    record.refresh_from_db()
    assert record.status == ImportStatus.DONE
    assert LoadMeasurement.objects.filter(measured_on="2026-06-18").count() == 2
    row = status_row(en, record)
    assert "2 new, 0 updated; 1 power centre recalculated." in row
    assert "hx-trigger" not in row


def test_a_large_file_with_a_bad_row_shows_its_errors_in_the_status_row(
    en, network, large, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(en, BAD)
    record = CapacityImport.objects.get()
    assert record.status == ImportStatus.FAILED
    row = status_row(en, record)
    assert "Refused" in row
    assert "Row 2: power centre «ПС-1» has no transformer «Т-9»." in row
    assert LoadMeasurement.objects.filter(measured_on="2026-06-18").count() == 0


def test_the_task_imports_a_file_once(en, network, large, django_capture_on_commit_callbacks):
    from gridportal.capacity.tasks import capacity_import

    with django_capture_on_commit_callbacks(execute=True):
        upload(en, GOOD)
    record = CapacityImport.objects.get()
    assert capacity_import(record.pk) is None  # already claimed and done


def test_only_the_uploader_may_fetch_the_kept_file(client, officer, other_officer, network):
    client.force_login(officer)
    upload(client, GOOD)
    record = CapacityImport.objects.get()
    response = client.get(f"/staff/capacity/imports/{record.pk}/file/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == GOOD.encode()
    client.force_login(other_officer)
    assert client.get(f"/staff/capacity/imports/{record.pk}/file/").status_code == 404
    assert client.get(f"/staff/capacity/imports/{record.pk}/status/").status_code == 404
