"""Planned work names its places: settlements, streets and house ranges from the network."""

from hypothesis import given
from hypothesis import strategies as st

from gridportal.outages.places import house_ranges, places_lines


def test_runs_become_ranges_and_lettered_houses_stay():
    assert house_ranges(["1", "2", "3", "5", "7а", "8", "9"]) == "1–3, 5, 7а, 8, 9"
    assert house_ranges(["10", "2", "1"]) == "1, 2, 10"
    assert house_ranges([]) == ""


def test_settlements_and_streets_are_named_once():
    rows = [
        ("д. Большая Рябинка", "ул. Кутузова", "3"),
        ("д. Большая Рябинка", "ул. Кутузова", "1"),
        ("д. Большая Рябинка", "ул. Кутузова", "2"),
        ("д. Большая Рябинка", "ул. Ленина", "4"),
        ("г. Череповец", "ул. Жукова", "15"),
    ]
    assert places_lines(rows) == [
        "г. Череповец: ул. Жукова, д. 15",
        "д. Большая Рябинка: ул. Кутузова, д. 1–3; ул. Ленина, д. 4",
    ]


@given(st.sets(st.integers(min_value=1, max_value=300), min_size=1, max_size=40))
def test_every_house_is_covered_exactly(numbers):
    text = house_ranges([str(n) for n in numbers])
    covered = set()
    for part in text.split(", "):
        if "–" in part:
            a, b = part.split("–")
            covered.update(range(int(a), int(b) + 1))
        else:
            covered.add(int(part))
    assert covered == numbers
