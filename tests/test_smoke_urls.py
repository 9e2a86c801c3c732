"""The production smoke's URL list (manage.py smoke_urls) comes from the URL conf and the data."""

import json

import pytest
from django.core.management import call_command

from gridportal.core.smoke import smoke_targets
from gridportal.grid.models import PowerCentre, Substation

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("seed_demo", scale="tiny", verbosity=0)


def test_every_kind_of_page_is_listed_and_parameters_come_from_the_data(demo):
    listing = smoke_targets(branch_code="karelia")
    urls = {t.url: t for t in listing.targets}
    centre = PowerCentre.objects.filter(branch__code="karelia").order_by("pk").first()
    substation = Substation.objects.filter(branch__code="karelia").order_by("pk").first()
    assert urls["/"].kind == "public"
    assert urls["/staff/"].kind == "staff"
    assert urls["/admin/"].kind == "admin"
    assert urls["/api/v1/power-centres/"].kind == "api"
    # <int:pk> of a function view: the model guessed from the path, a row of the branch.
    assert f"/staff/grid/power-centres/{centre.pk}/" in urls
    assert f"/staff/grid/substations/{substation.pk}/" in urls
    # <pk> of a viewset: its queryset's model.
    assert f"/api/v1/power-centres/{centre.pk}/" in urls
    # Query-string parameters from the small explicit table.
    assert any(url.startswith("/api/v1/outages/status/?address=") for url in urls)
    skipped = dict(listing.skipped)
    assert "signed token" in skipped["/accounts/confirm/<str:token>/"]
    assert "/metrics" not in urls


def test_a_url_whose_row_does_not_exist_is_skipped_with_a_reason(db):
    listing = smoke_targets()
    skipped = dict(listing.skipped)
    assert skipped["/staff/grid/power-centres/<int:pk>/"] == "no grid.PowerCentre row for <pk>"


def test_the_command_prints_json_with_the_demo_staff(demo, capsys):
    call_command("smoke_urls")
    data = json.loads(capsys.readouterr().out)
    assert {"demo-admin", "demo-dispatcher"} <= {u["username"] for u in data["staff"]}
    assert any(t["url"] == "/outages/" for t in data["targets"])
