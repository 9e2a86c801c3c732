"""The look-up answer as a pure function, and the snapshot that serves it without the database."""

import datetime as dt

import pytest

from gridportal.outages import selectors, services
from gridportal.outages.models import Incident
from gridportal.outages.snapshot import (
    IncidentView,
    PlannedView,
    State,
    answer_as_dict,
    answer_from_dict,
    status_answer,
)

from .factories import report

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)


def incident(id, status="confirmed", level="substation", subs=(1,)):
    return IncidentView(
        id,
        status,
        level,
        "tree",
        "on_site",
        NOW - dt.timedelta(hours=1),
        NOW + dt.timedelta(hours=2),
        NOW,
        40,
        "",
        frozenset(subs),
    )


def work(id, start_hours, length=4, subs=(1,)):
    start = NOW + dt.timedelta(hours=start_hours)
    return PlannedView(id, start, start + dt.timedelta(hours=length), "Ремонт", frozenset(subs))


def answer(**kwargs):
    kwargs.setdefault("incidents", [])
    kwargs.setdefault("planned", [])
    return status_answer(substation_id=kwargs.pop("sub", 1), now=NOW, **kwargs)


def test_an_address_off_the_network_is_unknown():
    assert answer(sub=None).state == State.UNKNOWN


def test_nothing_known_is_none():
    assert answer(incidents=[incident(1, subs=(2,))]).state == State.NONE


def test_a_confirmed_outage_wins_and_the_most_specific_is_shown():
    result = answer(
        incidents=[incident(5, level="feeder", subs=(1, 2)), incident(9, subs=(1,))],
        planned=[work(1, -1)],
    )
    assert result.state == State.OUTAGE and result.incident.id == 9


def test_planned_work_in_progress_comes_before_an_unconfirmed_prediction():
    result = answer(incidents=[incident(1, status="predicted")], planned=[work(1, -1)])
    assert result.state == State.PLANNED_NOW


def test_a_prediction_is_reported_and_coming_work_is_listed():
    result = answer(incidents=[incident(1, status="predicted")], planned=[work(1, 24)])
    assert result.state == State.REPORTED and len(result.planned) == 1


def test_finished_or_far_work_is_not_mentioned():
    assert answer(planned=[work(1, -10), work(2, 24 * 30)]).state == State.NONE


def test_the_json_form_is_stable():
    body = answer_as_dict(answer(incidents=[incident(3)]))
    assert body == {
        "state": "outage",
        "incident": {
            "id": 3,
            "status": "confirmed",
            "level": "substation",
            "cause": "tree",
            "crew_status": "on_site",
            "started_at": "2026-11-26T11:00:00Z",
            "estimated_restoration": "2026-11-26T14:00:00Z",
            "estimate_updated_at": "2026-11-26T12:00:00Z",
            "customers_out": 40,
            "public_message": "",
        },
        "planned": [],
    }


@pytest.mark.django_db
def test_the_snapshot_gives_the_same_answers_as_the_database(network, officer):
    tp = network.substations[0]
    report(network.addresses_of(tp)[0], problem="hazard")
    services.incident_confirm(incident=Incident.objects.get(), actor=officer)
    report(network.addresses_of(network.substations[5])[0], problem="hazard")  # predicted
    snapshot = selectors.status_snapshot()
    assert snapshot.affected_substations() == {tp.pk, network.substations[5].pk}
    for address in network.addresses:
        from_db = selectors.address_status(address=address, now=snapshot.generated_at)
        assert snapshot.answer_for(address.substation_id) == from_db


@pytest.mark.parametrize(
    "incidents, planned",
    [
        ([incident(1)], [work(2, 1)]),
        ([incident(1, status="predicted")], []),
        ([], [work(2, -1)]),
        ([], []),
    ],
)
def test_an_answer_read_back_from_the_snapshot_says_the_same(incidents, planned):
    """Degraded mode renders the pages from stored answers: nothing shown may change."""
    answer = status_answer(substation_id=1, incidents=incidents, planned=planned, now=NOW)
    again = answer_from_dict(answer_as_dict(answer))
    assert answer_as_dict(again) == answer_as_dict(answer)
    assert again.state == answer.state
    if answer.incident:
        assert again.incident.etr == answer.incident.etr
