"""Documents need a Unicode font: production refuses to issue without one (503, nothing
changes); the embedded tier records the stage and skips the documents."""

from decimal import Decimal as D

import pytest
from django.core import checks

from gridportal.connection.models import ConnectionApplication
from gridportal.connection.services import applications as services
from gridportal.core.pdf import FontMissing

from .test_applications import send

pytestmark = pytest.mark.django_db


@pytest.fixture
def en(client, customer):
    client.cookies["django_language"] = "en"
    client.force_login(customer)
    return client


@pytest.fixture
def no_font(settings, tmp_path):
    settings.PDF_FONT = str(tmp_path / "absent.ttf")


def offer(application, officer):
    return services.application_offer_issue(
        application=application,
        actor=officer,
        power_centre_id=application.address.substation.feeder.power_centre_id,
        substation_name="",
        fee_total=D("75000"),
    )


def test_production_without_a_font_refuses_the_offer_and_changes_nothing(
    en, home, private_files, connection_officer, no_font, settings
):
    settings.DEBUG = False
    send(en, home)
    a = ConnectionApplication.objects.get()
    with pytest.raises(FontMissing) as refused:
        offer(a, connection_officer)
    assert refused.value.status == 503 and "fonts-dejavu-core" in str(refused.value.message)
    a.refresh_from_db()
    assert a.stage == "received" and not a.documents.filter(kind="contract").exists()


def test_the_embedded_tier_without_a_font_makes_the_offer_without_its_documents(
    en, home, private_files, connection_officer, no_font, settings
):
    settings.DEBUG = True
    send(en, home)
    a = ConnectionApplication.objects.get()
    offer(a, connection_officer)
    a.refresh_from_db()
    assert a.stage == "offer" and not a.documents.filter(kind="contract").exists()


def test_the_checks_warn_and_deploy_checks_fail_without_a_font(no_font):
    ids = {m.id for m in checks.run_checks()}
    assert "core.W002" in ids
    assert "core.E002" in {m.id for m in checks.run_checks(include_deployment_checks=True)}


def test_with_the_systems_font_the_documents_are_made(en, home, private_files, connection_officer):
    send(en, home)
    a = ConnectionApplication.objects.get()
    offer(a, connection_officer)
    kinds = set(a.documents.values_list("kind", flat=True))
    assert {"contract", "technical_conditions", "invoice"} <= kinds
