import pytest
from django.test import RequestFactory
from django.utils import translation

from gridportal.grid.address_panels import address_panels

from .helpers import file_appeal

pytestmark = pytest.mark.django_db


def test_the_address_page_offers_to_write_and_lists_my_open_appeals(address, customer):
    appeal = file_appeal(address, user=customer).appeal
    request = RequestFactory().get("/")
    request.user = customer
    (panel,) = [p for p in address_panels(request, address) if p.key == "appeals"]
    assert f"?address={address.pk}" in panel.html
    assert panel.data["open_appeals"] == [appeal.number]


def open_appeals(client) -> int:
    """The console home's «open appeals» figure (the page speaks the visitor's language)."""
    found = {str(f["label"]): f["value"] for f in client.get("/staff/").context["figures"]}
    with translation.override("ru"):
        ru = str(translation.gettext("Open appeals"))
    return found.get("Open appeals", found.get(ru))


def test_the_console_home_counts_open_appeals(client, address, clerk, other_clerk):
    file_appeal(address)
    client.force_login(clerk)
    assert open_appeals(client) == 1
    client.force_login(other_clerk)
    assert open_appeals(client) == 0
