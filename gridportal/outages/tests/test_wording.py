"""One truth per incident: the status sentence for every incident state × crew state."""

import itertools

import pytest
from django.utils import translation

from gridportal.outages.choices import CrewStatus, IncidentStatus
from gridportal.outages.wording import status_text

COMBINATIONS = list(itertools.product(IncidentStatus.values, CrewStatus.values))

CONFIRMED_RU = {
    CrewStatus.NOT_ASSIGNED: "бригада ещё не назначена",
    CrewStatus.DISPATCHED: "бригада выехала",
    CrewStatus.ON_SITE: "бригада на месте",
    CrewStatus.REPAIRING: "идёт ремонт",
    CrewStatus.TESTING: "идут переключения и проверка",
}


@pytest.mark.parametrize(("status", "crew"), COMBINATIONS)
def test_every_combination_has_one_sentence_that_never_contradicts_the_crew(status, crew):
    with translation.override("ru"):
        text = status_text(status, crew)
    assert text and text[0].isupper()
    if status == IncidentStatus.CONFIRMED:
        assert text.startswith("Технологическое нарушение подтверждено")
        assert text.endswith(CONFIRMED_RU[crew])
        # What the old label said right after «Подтвердить», whatever the crew did.
        assert "бригады работают" not in text
    else:
        # A crew speaks only while the outage is confirmed.
        assert "бригад" not in text
        assert text == status_text(status, CrewStatus.NOT_ASSIGNED)


@pytest.mark.parametrize(("status", "crew"), COMBINATIONS)
def test_english_has_the_same_sentences(status, crew):
    with translation.override("en"):
        text = status_text(status, crew)
    assert text.isascii()


def test_confirmed_sentences_differ_per_crew_state():
    with translation.override("ru"):
        texts = {status_text(IncidentStatus.CONFIRMED, crew) for crew in CrewStatus.values}
    assert len(texts) == len(CrewStatus.values)


def test_unknown_values_fall_back_instead_of_failing():
    assert status_text("confirmed", "teleported") == status_text("confirmed", "not_assigned")
    assert status_text("weird", "") == status_text("predicted", "")
