"""The dispatcher under pressure: reasons, undo, dispatch names, filters, one ETR for many."""

import datetime as dt

import pytest
from django.utils import timezone

from gridportal.outages import services
from gridportal.outages.choices import EventKind, IncidentStatus
from gridportal.outages.models import Incident

from .factories import report

pytestmark = pytest.mark.django_db


def _predict(network, index):
    tp = network.substations[index]
    report(network.addresses_of(tp)[0])
    report(network.addresses_of(tp)[1])
    return Incident.objects.filter(status=IncidentStatus.PREDICTED).order_by("-pk").first()


@pytest.fixture
def predicted(network):
    return _predict(network, 0)


def test_reject_and_restore_need_a_reason(client, officer, predicted):
    client.force_login(officer)
    client.post(f"/staff/outages/incidents/{predicted.pk}/reject/", {"reason": "  "})
    predicted.refresh_from_db()
    assert predicted.status == IncidentStatus.PREDICTED
    client.post(f"/staff/outages/incidents/{predicted.pk}/reject/", {"reason": "Ложный вызов"})
    predicted.refresh_from_db()
    assert predicted.status == IncidentStatus.REJECTED
    assert predicted.events.get(kind=EventKind.REJECTED).text == "Ложный вызов"


def test_a_decision_can_be_undone_within_the_window_and_not_after(client, officer, predicted):
    client.force_login(officer)
    client.post(f"/staff/outages/incidents/{predicted.pk}/confirm/")
    client.post(f"/staff/outages/incidents/{predicted.pk}/restore/", {"reason": "Включили"})
    predicted.refresh_from_db()
    assert predicted.status == IncidentStatus.RESTORED
    board = client.get("/staff/outages/").text
    assert 'data-testid="recent-decisions"' in board
    client.post(f"/staff/outages/incidents/{predicted.pk}/undo/")
    predicted.refresh_from_db()
    assert predicted.status == IncidentStatus.CONFIRMED
    assert predicted.restored_at is None
    assert predicted.coverage.filter(restored_at__isnull=True).exists()
    assert predicted.customers_out > 0
    # Undone once: the confirmation before it is not undone by a second click.
    client.post(f"/staff/outages/incidents/{predicted.pk}/undo/")
    predicted.refresh_from_db()
    assert predicted.status == IncidentStatus.CONFIRMED


def test_undo_is_refused_after_the_window(officer, predicted):
    confirmed_at = timezone.now() - dt.timedelta(minutes=30)
    services.incident_confirm(incident=predicted, actor=officer, now=confirmed_at)
    with pytest.raises(Exception, match="Отменять нечего|nothing to undo"):
        services.incident_undo(incident=predicted, actor=officer)


def test_undoing_a_rejection_brings_its_reports_back(officer, predicted):
    services.incident_reject(incident=predicted, actor=officer, reason="Проверка")
    services.incident_undo(incident=predicted, actor=officer)
    predicted.refresh_from_db()
    assert predicted.status == IncidentStatus.PREDICTED
    assert not predicted.reports.exclude(unassigned_reason="").exists()


def test_the_element_is_chosen_by_dispatch_name(client, officer, network, predicted):
    client.force_login(officer)
    page = client.get(f"/staff/outages/incidents/{predicted.pk}/").text
    assert 'list="element-names"' in page
    assert f'hx-get="/staff/outages/incidents/{predicted.pk}/elements/"' in page
    feeder = network.feeders[1]
    name = f"{feeder.power_centre.dispatch_number} {feeder.name}"
    client.post(
        f"/staff/outages/incidents/{predicted.pk}/move-element/",
        {"level": "feeder", "element": name},
    )
    predicted.refresh_from_db()
    assert predicted.level == "feeder" and predicted.feeder == feeder
    response = client.post(
        f"/staff/outages/incidents/{predicted.pk}/move-element/",
        {"level": "substation", "element": "ТП-нет-такой"},
        follow=True,
    )
    assert "выберите диспетчерское наименование из списка" in response.text


def test_the_element_chooser_suggests_names_of_the_incidents_branch_only(
    client, officer, other_officer, network, other_network, predicted
):
    url = f"/staff/outages/incidents/{predicted.pk}/elements/"
    client.force_login(officer)
    mine = {s.name for s in network.substations}
    theirs = {s.name for s in other_network.substations}
    names = _options(client.get(url, {"level": "substation", "element": "ТП-"}).text)
    assert names and set(names) <= mine and not set(names) & theirs
    wanted = network.substations[5].name
    assert wanted in _options(client.get(url, {"level": "substation", "element": wanted}).text)
    feeder = network.feeders[1]
    centre = feeder.power_centre.dispatch_number
    names = _options(
        client.get(url, {"level": "feeder", "element": f"{centre} {feeder.name}"}).text
    )
    assert names == [f"{centre} {feeder.name}"]
    assert _options(client.get(url, {"level": "power_centre", "element": centre}).text) == [centre]
    # Any level when none is chosen; a made-up level is any level too, never an error.
    assert wanted in _options(client.get(url, {"level": "bogus", "element": wanted}).text)
    client.force_login(other_officer)
    assert client.get(url, {"element": "ТП-"}).status_code == 404


def _options(html):
    import re

    return re.findall(r'<option value="([^"]+)">', html)


def test_board_filters_sort_and_overdue(client, officer, network):
    second = _predict(network, 0)
    services.incident_confirm(incident=second, actor=officer)
    first = _predict(network, 4)
    start = timezone.now()
    services.incident_update(
        incident=second, actor=officer, etr=start + dt.timedelta(minutes=1), now=start
    )
    Incident.objects.filter(pk=second.pk).update(etr=timezone.now() - dt.timedelta(minutes=5))
    client.force_login(officer)
    board = client.get("/staff/outages/board/", {"overdue": "on"}).text
    assert f'data-incident="{second.pk}"' in board and f'data-incident="{first.pk}"' not in board
    assert 'data-overdue="1"' in board
    board = client.get("/staff/outages/board/", {"status": "predicted"}).text
    assert f'data-incident="{first.pk}"' in board and f'data-incident="{second.pk}"' not in board
    board = client.get("/staff/outages/board/", {"sort": "started"}).text
    assert board.index(f'data-incident="{second.pk}"') < board.index(f'data-incident="{first.pk}"')


def test_one_etr_for_many_incidents(client, officer, network):
    a = _predict(network, 0)
    services.incident_confirm(incident=a, actor=officer)
    b = _predict(network, 4)
    services.incident_confirm(incident=b, actor=officer)
    client.force_login(officer)
    etr = (timezone.localtime(timezone.now()) + dt.timedelta(hours=4)).strftime("%Y-%m-%dT%H:%M")
    client.post("/staff/outages/board/etr/", {"incidents": [a.pk, b.pk], "etr": etr})
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.etr is not None and a.etr == b.etr


def test_the_call_taker_sees_the_live_outage_and_its_etr(client, officer, network, predicted):
    services.incident_confirm(incident=predicted, actor=officer)
    etr = timezone.now() + dt.timedelta(hours=2)
    services.incident_update(incident=predicted, actor=officer, etr=etr)
    client.force_login(officer)
    address = network.addresses_of(network.substations[0])[0]
    page = client.get("/staff/outages/calls/new/", {"address": address.pk}).text
    assert 'data-testid="call-live-outage"' in page
    assert "Ориентировочное время восстановления" in page
    assert timezone.localtime(etr).strftime("%H:%M") in page


def test_the_staff_map_shows_only_the_dispatchers_branches(client, officer, network, other_network):
    mine = _predict(network, 0)
    _predict(other_network, 0)
    client.force_login(officer)
    body = client.get("/staff/outages/map.geojson").json()
    assert [f["properties"]["id"] for f in body["features"]] == [mine.pk]


def test_the_crew_register_and_assignment(client, officer, network, predicted, other_branch):
    from gridportal.outages.models import Crew

    client.force_login(officer)
    client.post(
        "/staff/outages/crews/",
        {
            "branch": network.branch.pk,
            "name": "ОВБ-3",
            "leader": "Петров И. С.",
            "phone": "+7 911 000-11-22",
            "members": "Сидоров, Кузнецов",
        },
    )
    crew = Crew.objects.get(name="ОВБ-3")
    foreign = Crew.objects.create(branch=other_branch, name="ОВБ-9", leader="Чужой", phone="1")
    page = client.get("/staff/outages/crews/").text
    assert "Петров И. С." in page and "Чужой" not in page
    services.incident_confirm(incident=predicted, actor=officer)
    client.post(f"/staff/outages/incidents/{predicted.pk}/assign-crew/", {"crew": foreign.pk})
    predicted.refresh_from_db()
    assert predicted.crew is None
    client.post(f"/staff/outages/incidents/{predicted.pk}/assign-crew/", {"crew": crew.pk})
    predicted.refresh_from_db()
    assert predicted.crew == crew
    assert predicted.status_text.endswith("бригада выехала")
    assert predicted.number in client.get("/staff/outages/crews/").text


def test_special_needs_only_with_consent_and_every_view_audited(client, officer, network):
    from gridportal.core.models import AuditLogEntry
    from gridportal.outages.models import SpecialNeedsCustomer

    client.force_login(officer)
    address = network.addresses[0]
    data = {
        "address": address.pk,
        "name": "Смирнова Анна Петровна",
        "phone": "+7 911 222-33-44",
        "need": "medical",
        "notes": "Кислородный концентратор",
    }
    response = client.post("/staff/outages/special-needs/", data)
    assert response.status_code == 400
    assert "152-ФЗ" in response.text
    assert not SpecialNeedsCustomer.objects.exists()
    client.post("/staff/outages/special-needs/", {**data, "consent": "on"})
    person = SpecialNeedsCustomer.objects.get()
    assert person.consent is not None and person.consent.subject == "outages.special_needs"
    before = AuditLogEntry.objects.count()
    page = client.get("/staff/outages/special-needs/").text
    assert "Смирнова Анна Петровна" in page
    assert AuditLogEntry.objects.count() == before + 1
    # The board tells the dispatcher an outage leaves this person without power.
    report(network.addresses_of(network.substations[0])[0])
    report(network.addresses_of(network.substations[0])[1])
    board = client.get("/staff/outages/board/").text
    assert "особыми потребностями" in board


def _person(network, officer, **extra):
    from gridportal.accounts.services import consent_record
    from gridportal.outages.models import SpecialNeedsCustomer

    fields = {
        "need": "medical",
        "notes": "Кислородный концентратор",
        "consent": consent_record(purpose="outages.special_needs", contact="+79112223344"),
        **extra,
    }
    return SpecialNeedsCustomer.objects.create(
        branch=network.branch,
        address=network.addresses[0],
        name="Смирнова Анна Петровна",
        phone="+79112223344",
        created_by=officer,
        **fields,
    )


def test_a_special_needs_entry_is_corrected_and_the_change_audited_by_field(
    client, officer, network
):
    from gridportal.core.models import AuditLogEntry

    person = _person(network, officer)
    client.force_login(officer)
    url = f"/staff/outages/special-needs/{person.pk}/"
    page = client.get(url).text
    assert "Кислородный концентратор" in page and "Исключить" in page
    assert AuditLogEntry.objects.filter(action="view", object_id=str(person.pk)).count() == 1
    response = client.post(
        url,
        {"name": "Смирнова  Анна Петровна", "phone": "8 911 555-66-77", "need": "medical"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.phone == "+79115556677" and person.notes == ""
    entry = AuditLogEntry.objects.get(action="update", object_id=str(person.pk))
    assert entry.details == {"register": "special_needs", "fields": ["notes", "phone"]}
    assert "555" not in str(entry.details)  # field names only, never the values
    # A blank name is refused with a message, not a 500.
    assert client.post(url, {"name": " ", "phone": "1", "need": "other"}).status_code == 400


def test_a_need_becomes_medical_only_with_the_persons_consent(client, officer, network):
    person = _person(network, officer, need="mobility", consent=None)
    client.force_login(officer)
    url = f"/staff/outages/special-needs/{person.pk}/"
    data = {"name": person.name, "phone": person.phone, "need": "medical"}
    response = client.post(url, data)
    assert response.status_code == 400 and "152-ФЗ" in response.text
    person.refresh_from_db()
    assert person.need == "mobility" and person.consent is None
    client.post(url, {**data, "consent": "on"})
    person.refresh_from_db()
    assert person.need == "medical" and person.consent.subject == "outages.special_needs"


def test_withdrawing_consent_erases_the_entry_and_its_health_data(
    client, officer, other_officer, network
):
    from gridportal.accounts.models import ConsentRecord
    from gridportal.core.models import AuditLogEntry
    from gridportal.outages.models import SpecialNeedsCustomer

    person = _person(network, officer)
    consent = person.consent
    # Another branch's dispatcher can neither see nor erase it.
    client.force_login(other_officer)
    assert client.get(f"/staff/outages/special-needs/{person.pk}/").status_code == 404
    assert client.post(f"/staff/outages/special-needs/{person.pk}/withdraw/").status_code == 404
    assert SpecialNeedsCustomer.objects.exists()
    client.force_login(officer)
    response = client.post(f"/staff/outages/special-needs/{person.pk}/withdraw/", follow=True)
    assert "удалены" in response.text
    assert not SpecialNeedsCustomer.objects.exists()
    consent = ConsentRecord.objects.get(pk=consent.pk)
    assert consent.withdrawn_at is not None and consent.contact == ""
    erased = AuditLogEntry.objects.get(action="delete", object_id=str(person.pk))
    assert erased.actor == officer and erased.details["reason"] == "consent_withdrawn"
    assert "Кислород" not in str(erased.details)


def test_planned_work_is_moved_from_the_staff_page(client, officer, network):
    start = timezone.now() + dt.timedelta(days=3)
    work = services.planned_outage_create(
        branch=network.branch,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        reason="Замена опор",
        substations=[network.substations[0]],
    )
    client.force_login(officer)
    assert "Перенести на другое время" in client.get("/staff/outages/planned/").text
    new_start = timezone.localtime(start + dt.timedelta(days=1))
    client.post(
        f"/staff/outages/planned/{work.pk}/move/",
        {
            "starts_at": new_start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (new_start + dt.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    work.refresh_from_db()
    assert timezone.localtime(work.starts_at).date() == new_start.date()
    assert work.ends_at - work.starts_at == dt.timedelta(hours=3)
