"""Registration numbers: per year, gap-free in practice, unique under concurrency."""

import threading

import pytest
from django.db import connection, connections

from gridportal.appeals.services.numbering import number_next, number_normalize


@pytest.mark.django_db
def test_numbers_count_on_per_year():
    assert number_next(year=2026) == "А-2026-000001"
    assert number_next(year=2026) == "А-2026-000002"
    assert number_next(year=2027) == "А-2027-000001"


def test_what_people_type_is_understood():
    assert number_normalize("a-2026-123") == "А-2026-000123"
    assert number_normalize(" А 2026 000123 ") == "А-2026-000123"
    assert number_normalize("2026-123") is None
    assert number_normalize("А-2026-1; DROP") is None


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_share_a_number():
    if connection.vendor != "postgresql":
        pytest.skip("row locks are what is tested; SQLite serialises writers anyway")
    results, errors = [], []

    def take():
        try:
            for _ in range(10):
                results.append(number_next(year=2030))
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=take) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(results) == [f"А-2030-{n:06d}" for n in range(1, 41)]
