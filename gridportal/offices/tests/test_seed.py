"""The demo command: service centres in each branch's towns, with a week of bookings and visits."""

import pytest
from django.core.cache import cache
from django.core.management import call_command

from gridportal.offices.models import Booking, Office, Visit
from gridportal.testing.factories import DistrictFactory, SettlementFactory

pytestmark = pytest.mark.django_db


def test_seed_makes_offices_per_branch_and_leaves_them_with_if_empty(branch, other_branch):
    cache.clear()
    for b, towns in ((branch, ["Петрозаводск", "Кондопога"]), (other_branch, ["Псков"])):
        district = DistrictFactory(branch=b)
        for town in towns:
            SettlementFactory(district=district, branch=b, name=town)
    call_command("seed_offices_demo")
    assert Office.objects.filter(branch=branch).count() == 2
    assert Office.objects.filter(branch=other_branch).count() == 1
    assert Office.objects.get(name="ЦОК Петрозаводск").hours.filter(weekday=5).exists()
    assert Booking.objects.exists() and Visit.objects.exists()
    assert Visit.objects.filter(started_at__isnull=False).exists()
    first = set(Office.objects.values_list("pk", flat=True))
    call_command("seed_offices_demo", "--if-empty")
    assert set(Office.objects.values_list("pk", flat=True)) == first
