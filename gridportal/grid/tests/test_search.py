import pytest

from gridportal.grid.choices import SettlementKind
from gridportal.grid.search import address_search
from gridportal.testing.factories import SettlementFactory, address_create, street_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def town(branch):
    petrozavodsk = SettlementFactory(district__branch=branch, name="Петрозаводск")
    kondopoga = SettlementFactory(
        district=petrozavodsk.district, name="Кондопога", kind=SettlementKind.CITY
    )
    lenina = street_create(settlement=petrozavodsk, name="Ленина")
    green = street_create(settlement=petrozavodsk, name="Зелёная")
    avenue = street_create(settlement=petrozavodsk, kind="пр-т", name="Первомайский")
    kondopoga_lenina = street_create(settlement=kondopoga, name="Ленина")
    addresses = {}
    for street, houses in (
        (lenina, ["1", "5", "5а", "15", "50"]),
        (green, ["3", "7к1"]),
        (avenue, ["12"]),
        (kondopoga_lenina, ["5"]),
    ):
        for house in houses:
            a = address_create(street=street, house=house)
            addresses[(street.settlement.name, street.name, house)] = a
    return addresses


def labels(query):
    return [a.label for a in address_search(query=query)]


@pytest.mark.parametrize(
    "query",
    [
        "Петрозаводск, ул. Ленина, д. 5",
        "петрозаводск улица ленина дом 5",
        "ленина 5 петрозаводск",
        "ПЕТРОЗАВОДСК ЛЕНИНА 5",
        "Петрозаводск Ленина д.5",
    ],
)
def test_the_way_people_write_an_address_finds_it_first(town, query):
    assert labels(query)[0] == "г. Петрозаводск, ул. Ленина, д. 5"


def test_yo_written_as_e_is_found(town):
    assert labels("петрозаводск зеленая 3")[0] == "г. Петрозаводск, ул. Зелёная, д. 3"


def test_a_small_typo_still_finds_the_street(town):
    assert labels("петрозаводск ленена 15")[0] == "г. Петрозаводск, ул. Ленина, д. 15"


def test_a_half_typed_street_suggests_its_houses(town):
    results = labels("петрозаводск лен")
    assert results[0].startswith("г. Петрозаводск, ул. Ленина")
    assert "г. Петрозаводск, ул. Ленина, д. 1" in results


def test_a_house_prefix_suggests_matching_houses_with_the_exact_one_first(town):
    results = labels("петрозаводск ленина 5")
    assert results[:3] == [
        "г. Петрозаводск, ул. Ленина, д. 5",
        "г. Петрозаводск, ул. Ленина, д. 5а",
        "г. Петрозаводск, ул. Ленина, д. 50",
    ]


def test_the_same_street_in_two_towns_is_told_apart_by_the_town(town):
    assert labels("кондопога ленина 5")[0] == "г. Кондопога, ул. Ленина, д. 5"


def test_a_corpus_house_is_found_however_it_is_written(town):
    assert labels("зеленая 7 корп 1")[0] == "г. Петрозаводск, ул. Зелёная, д. 7к1"


def test_an_avenue_is_found_without_its_type(town):
    assert labels("первомайский 12")[0] == "г. Петрозаводск, пр-т Первомайский, д. 12"


def test_nonsense_finds_nothing(town):
    assert labels("qwxz") == []
    assert labels("12") == []


def test_the_visitors_region_comes_first_when_the_same_address_exists_twice(town, other_branch):
    pskov_village = SettlementFactory(district__branch=other_branch, name="Кондопога")
    address_create(street=street_create(settlement=pskov_village, name="Ленина"), house="5")
    results = address_search(query="кондопога ленина 5", branch_id=other_branch.pk)
    assert results[0].branch == other_branch
    assert {r.branch for r in results[:2]} == {
        town[("Кондопога", "Ленина", "5")].branch,
        other_branch,
    }


def test_a_typed_street_type_picks_the_square_over_the_street(town, branch):
    square = street_create(
        settlement=town[("Петрозаводск", "Ленина", "5")].street.settlement,
        kind="пл.",
        name="Ленина",
    )
    address_create(street=square, house="5")
    assert labels("петрозаводск площадь ленина 5")[0] == "г. Петрозаводск, пл. Ленина, д. 5"
    assert labels("петрозаводск ул ленина 5")[0] == "г. Петрозаводск, ул. Ленина, д. 5"
