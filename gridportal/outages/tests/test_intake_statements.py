"""The intake's statements (core/inserts.py): a row with the row it refers to in one
statement, statements prepared once per connection. On both databases: PostgreSQL takes
the one-statement path, SQLite the ORM's."""

import pytest
from django.db import IntegrityError, connection, transaction

from gridportal.accounts.consents import OUTAGE_REPORT
from gridportal.accounts.models import ConsentRecord
from gridportal.accounts.services import consent_build
from gridportal.core.inserts import fetch_prepared, insert_with_parent
from gridportal.core.intake import Origin
from gridportal.outages.models import OutageReport

pytestmark = pytest.mark.django_db


def unsaved_report(address, **fields) -> OutageReport:
    return OutageReport(
        address=address,
        branch_id=address.branch_id,
        substation_id=address.substation_id,
        problem="no_power",
        channel="api",
        phone="+79001234567",
        contact_key="tel:+79001234567",
        **fields,
    )


def test_both_rows_are_written_with_their_keys_defaults_and_the_reference(network):
    consent = consent_build(
        purpose=OUTAGE_REPORT,
        origin=Origin(channel="api", ip_address="10.1.2.3", user_agent="storm"),
        contact="+79001234567",
    )
    report = unsaved_report(network.addresses[0])
    insert_with_parent(report, consent, link="consent")

    assert report.pk and consent.pk and not report._state.adding
    stored = OutageReport.objects.select_related("consent").get(pk=report.pk)
    assert stored.consent_id == consent.pk
    assert stored.consent.contact == "+79001234567"
    assert stored.consent.ip_address == "10.1.2.3"
    assert stored.consent.given_at is not None  # auto_now_add, as the ORM fills it
    assert stored.created_at is not None and stored.repeat_count == 0  # model defaults
    assert stored.ip_address is None and stored.rolled_up_at is None


def test_without_a_parent_the_row_is_written_alone(network):
    report = unsaved_report(network.addresses[0])
    insert_with_parent(report, None, link="consent")
    assert OutageReport.objects.get(pk=report.pk).consent_id is None


def test_when_the_second_row_fails_neither_is_kept(network):
    before = ConsentRecord.objects.count()
    consent = consent_build(purpose=OUTAGE_REPORT, origin=Origin(channel="api"))
    report = unsaved_report(network.addresses[0], repeat_count=-1)  # breaks its CHECK
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_with_parent(report, consent, link="consent")
    assert ConsentRecord.objects.count() == before
    assert not OutageReport.objects.exists()


def test_a_statement_is_prepared_once_and_counted_like_any_query(
    network, django_assert_num_queries
):
    sql = "SELECT id, branch_id FROM grid_serviceaddress WHERE id = %s"
    address = network.addresses[0]
    with django_assert_num_queries(2):
        assert fetch_prepared(sql, [address.pk]) == [(address.pk, address.branch_id)]
        assert fetch_prepared(sql, [-1]) == []
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
                ["SELECT id, branch_id FROM grid_serviceaddress%"],
            )
            assert cursor.fetchone()[0] == 1


def test_the_address_is_read_as_the_report_is_written_and_off_the_network_it_is_placed_at_once(
    network, now
):
    from gridportal.outages.choices import UnassignedReason
    from gridportal.outages.services.intake import _address_source

    on, off = network.addresses[0], network.addresses[1]
    off.substation = None
    off.save()
    for address in (on, off):
        report = OutageReport(problem="no_power", channel="api", contact_key="ip:10.0.0.1")
        insert_with_parent(report, None, link="consent", source=_address_source(address.pk, now))
        stored = OutageReport.objects.get(pk=report.pk)
        # The instance knows what was written, as the row has it.
        assert (report.address_id, report.branch_id, report.substation_id) == (
            address.pk,
            address.branch_id,
            address.substation_id,
        )
        assert (stored.branch_id, stored.substation_id) == (
            address.branch_id,
            address.substation_id,
        )
        assert report.unassigned_reason == stored.unassigned_reason
        assert report.rolled_up_at == stored.rolled_up_at
    assert stored.unassigned_reason == UnassignedReason.NOT_ON_NETWORK
    assert stored.rolled_up_at == now  # the same instant, not a naive local reading of it
    assert OutageReport.objects.get(address=on).rolled_up_at is None


def test_without_its_address_nothing_is_written_and_the_api_names_the_field(client, network):
    from gridportal.core.inserts import SourceMissing
    from gridportal.outages.services.intake import _address_source

    consent = consent_build(purpose=OUTAGE_REPORT, origin=Origin(channel="api"))
    report = OutageReport(problem="no_power", channel="api", contact_key="ip:10.0.0.1")
    missing = network.addresses[-1].pk + 1000
    with pytest.raises(SourceMissing):
        insert_with_parent(report, consent, link="consent", source=_address_source(missing, None))
    assert report.pk is None and consent.pk is None
    assert not ConsentRecord.objects.exists() and not OutageReport.objects.exists()

    response = client.post(
        "/api/v1/outages/reports/",
        {"address": missing, "problem": "no_power", "phone": "+79001234567", "consent": True},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["address"]
    assert not ConsentRecord.objects.exists() and not OutageReport.objects.exists()
