import pytest
from django.core.management import CommandError, call_command

from gridportal.accounts.models import User
from gridportal.core.models import Branch
from gridportal.grid.generator import SCALES, generate_company
from gridportal.grid.models import PowerCentre, ServiceAddress

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(ServiceAddress.objects.order_by("id").values_list("label", "substation__name")),
        list(PowerCentre.objects.order_by("id").values_list("name", "latitude")),
    )


def test_the_same_seed_gives_the_same_company():
    generate_company(scale="tiny", seed=7)
    first = snapshot()
    call_command("seed_demo", scale="tiny", seed=7, reset=True)
    assert snapshot() == first


def test_another_seed_gives_another_company():
    generate_company(scale="tiny", seed=7)
    first = snapshot()
    call_command("seed_demo", scale="tiny", seed=8, reset=True)
    assert snapshot() != first


def test_the_company_has_the_seven_north_west_branches_in_their_regions():
    generate_company(scale="tiny", seed=1)
    branches = {b.code: b for b in Branch.objects.all()}
    assert set(branches) == {"arkh", "vologda", "karelia", "kola", "komi", "novgorod", "pskov"}
    assert 68 < branches["kola"].latitude < 70
    assert 57 < branches["pskov"].latitude < 58.5
    for pc in PowerCentre.objects.select_related("branch"):
        assert abs(pc.latitude - pc.branch.latitude) < 2
    assert all(pc.transformers.exists() for pc in PowerCentre.objects.all())


def test_every_address_is_fed_and_unique():
    generate_company(scale="tiny", seed=3)
    assert not ServiceAddress.objects.filter(substation=None).exists()
    labels = list(ServiceAddress.objects.values_list("label", flat=True))
    assert len(labels) == len(set(labels)) == SCALES["tiny"].addresses


def test_the_large_scale_is_about_a_million_addresses():
    assert 900_000 <= SCALES["large"].addresses <= 1_100_000


def test_seed_demo_refuses_to_overwrite_without_reset_and_creates_staff_logins():
    call_command("seed_demo", scale="tiny")
    assert User.objects.filter(username="demo-dispatcher", is_staff=True).exists()
    with pytest.raises(CommandError):
        call_command("seed_demo", scale="tiny")
    call_command("seed_demo", scale="tiny", if_empty=True)
