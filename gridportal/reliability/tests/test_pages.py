"""Public and staff pages, downloads and the API, from records made the way the app makes them."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from gridportal.core.models import AuditLogEntry
from gridportal.reliability.choices import Source
from gridportal.reliability.models import InterruptionEvent, InterruptionRecord

pytestmark = pytest.mark.django_db

API = "/api/v1/reliability/indices/"


def interruption(net, substations, *, started, hours, key, customers=None, planned=False):
    event = InterruptionEvent.objects.create(
        branch=net.branch, source=Source.IMPORT, key=key, started_at=started, planned=planned
    )
    for tp in substations:
        InterruptionRecord(
            event=event,
            branch=net.branch,
            district=net.district,
            substation=tp,
            feeder=tp.feeder,
            power_centre=tp.feeder.power_centre,
            customers=customers
            if customers is not None
            else sum(a.customer_count for a in net.addresses_of(tp)),
            started_at=started,
            restored_at=started + dt.timedelta(hours=hours),
            planned=planned,
        ).save()
    return event


@pytest.fixture
def this_month():
    today = timezone.localdate()
    return timezone.make_aware(dt.datetime(today.year, today.month, 1, 3, 0))


def test_the_api_answers_the_issues_fields_for_an_area_and_period(client, network, this_month):
    tp = network.substations[0]  # 20 customers of 240
    interruption(network, [tp], started=this_month, hours=2, key="a")
    first = this_month.date()
    response = client.get(
        API, {"from": first.isoformat(), "to": first.isoformat(), "branch": "karelia"}
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert set(data) == {
        "customers_served", "saifi", "saidi", "caidi", "caifi", "ctaidi", "asai", "cemi",
        "cemsmi", "maifi", "maifi_e", "p_saidi", "p_saifi", "med",
    }  # fmt: skip
    assert data["customers_served"] == 240
    assert data["saifi"] == pytest.approx(20 / 240)
    assert data["saidi"] == pytest.approx(20 * 120 / 240)
    assert data["caidi"] == pytest.approx(120)
    assert data["asai"] == pytest.approx(1 - 40 / (240 * 24))
    assert set(data["cemi"]) == {"1", "2", "3", "4", "5"}
    assert data["p_saidi"]["NN"] == pytest.approx(40 / 240)
    assert set(data["med"]) == {"threshold_minutes", "days", "indices"}
    feeder = client.get(API, {"from": first, "to": first, "feeder": tp.feeder_id}).json()
    assert feeder["customers_served"] == 120 and feeder["saifi"] == pytest.approx(20 / 120)
    other = client.get(API, {"from": first, "to": first, "feeder": network.feeders[1].pk}).json()
    assert other["saifi"] == 0
    district = client.get(API, {"from": first, "to": first, "district": network.district.code})
    assert district.json()["saifi"] == pytest.approx(20 / 240)
    centre = client.get(API, {"from": first, "to": first, "power_centre": network.centre.pk})
    assert centre.json()["customers_served"] == 240
    company = client.get(API, {"from": first, "to": first}).json()
    assert company["saidi"] == pytest.approx(10)
    before = client.get(API, {"from": "2020-01-01", "to": "2020-12-31"}).json()
    assert before["saifi"] == 0 and before["med"]["threshold_minutes"] is None


@pytest.mark.parametrize(
    "params, field",
    [
        ({"to": "2025-01-31"}, "from"),
        ({"from": "2025-01-31", "to": "2025-01-01"}, "to"),
        ({"from": "2025-01-01", "to": "2025-01-31", "branch": "nowhere"}, "branch"),
        ({"from": "2025-01-01", "to": "2025-01-31", "feeder": "1.5"}, "feeder"),
        ({"from": "2025-01-01", "to": "2025-01-31", "feeder": ""}, "feeder"),
        ({"from": "2025-01-01", "to": "2025-01-31", "branch": "karelia", "feeder": "1"}, "feeder"),
        ({"from": "2025-01-01", "to": "2025-01-31", "colour": "red"}, "colour"),
        ({"from": "2025-13-01", "to": "2025-01-31"}, "from"),
        ({"from": "2000-01-01", "to": "2025-01-31"}, "to"),
    ],
)
def test_bad_parameters_answer_400_naming_the_parameter(client, network, params, field):
    response = client.get(API, params)
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


def test_the_api_is_in_the_openapi_document(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/reliability/indices/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"from", "to", "branch", "district", "power_centre", "feeder"} <= names
    assert "400" in operation["responses"]


def test_public_page_and_csv_show_the_months_figures(client, network, this_month):
    interruption(network, network.substations[:2], started=this_month, hours=1, key="a")
    response = client.get(reverse("reliability:index"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    text = response.content.decode()
    assert "What the figures mean" in text or "Что означают" in text
    month = this_month.strftime("%Y-%m")
    assert f'data-month="{month}"' in text
    body = client.get(reverse("reliability:data-csv")).content.decode("utf-8-sig")
    rows = [r for r in csv.DictReader(io.StringIO(body)) if r["area"] == "branch"]
    row = next(r for r in rows if int(r["month"]) == this_month.month)
    assert float(row["saifi"]) == pytest.approx(60 / 240, abs=1e-4)
    assert float(row["saidi_minutes"]) == pytest.approx(15.0)


def test_public_page_refuses_a_future_year(client, db):
    response = client.get(reverse("reliability:index"), {"year": "3000"})
    assert response.status_code == 400
    assert client.get(reverse("reliability:data-csv"), {"year": "x"}).status_code == 400


def test_staff_dashboard_limits_and_report(client, officer, network, this_month):
    tp = network.substations[0]
    interruption(network, [tp], started=this_month, hours=25, key="storm")
    client.force_login(officer)
    dashboard = client.get(reverse("staff:reliability:dashboard"))
    assert dashboard.status_code == 200
    assert 'data-testid="worst-feeders"' in dashboard.content.decode()
    limits = client.get(reverse("staff:reliability:limits")).content.decode()
    for address in network.addresses_of(tp):
        assert address.label in limits
    other = network.addresses_of(network.substations[1])[0]
    assert other.label not in limits
    body = client.get(reverse("staff:reliability:limits-csv")).content.decode("utf-8-sig")
    assert network.addresses_of(tp)[0].label in body
    xlsx = client.get(reverse("staff:reliability:report-xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    total = next(r for r in values if r[0] == network.branch.name and r[1] is None)
    assert total[3] == 240 and total[4] == pytest.approx(25 * 20) and total[5] == 20


def test_a_dispatcher_corrects_a_record_and_the_correction_is_audited(
    client, officer, network, this_month
):
    event = interruption(network, network.substations[:1], started=this_month, hours=2, key="c")
    record = event.records.get()
    client.force_login(officer)
    page = client.get(reverse("staff:reliability:event", args=[event.pk]))
    assert page.status_code == 200
    local = timezone.localtime(record.started_at)
    response = client.post(
        reverse("staff:reliability:record-correct", args=[record.pk]),
        {
            "started_at": local.strftime("%Y-%m-%dT%H:%M"),
            "restored_at": (local + dt.timedelta(minutes=30)).strftime("%Y-%m-%dT%H:%M"),
            "customers": "7",
        },
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert (record.customers, record.minutes) == (7, 30)
    assert AuditLogEntry.objects.filter(
        action="update", details__action="record_correct", actor=officer
    ).exists()
    bad = client.post(
        reverse("staff:reliability:record-correct", args=[record.pk]),
        {"started_at": "x", "restored_at": "", "customers": "-1"},
    )
    assert bad.status_code == 302
    record.refresh_from_db()
    assert record.customers == 7


def test_staff_of_another_branch_neither_see_nor_correct(
    client, other_officer, network, this_month
):
    event = interruption(network, network.substations[:1], started=this_month, hours=2, key="d")
    client.force_login(other_officer)
    assert client.get(reverse("staff:reliability:event", args=[event.pk])).status_code == 404
    record = event.records.get()
    response = client.post(
        reverse("staff:reliability:record-correct", args=[record.pk]),
        {"started_at": "2025-01-01T00:00", "restored_at": "2025-01-01T01:00", "customers": "1"},
    )
    assert response.status_code == 404
    assert (
        network.addresses_of(network.substations[0])[0].label
        not in client.get(reverse("staff:reliability:limits")).content.decode()
    )


def test_customers_cannot_open_the_console(client, customer):
    client.force_login(customer)
    assert client.get(reverse("staff:reliability:dashboard")).status_code == 403
