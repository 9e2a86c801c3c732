"""The staff console: its home, the audit log, its menu and the /staff/<app>/ scheme."""

import pytest

from gridportal.core.choices import AuditAction
from gridportal.core.services import audit_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(officer, branch, rf):
    request = rf.get("/", REMOTE_ADDR="10.1.2.3", HTTP_USER_AGENT="pytest")
    return audit_record(
        actor=officer, action=AuditAction.VIEW, obj=branch, branch=branch, request=request
    )


def test_administrators_read_the_audit_log(client, administrator, entry):
    client.force_login(administrator)
    response = client.get("/staff/audit/")
    assert response.status_code == 200
    assert "officer" in response.content.decode()


def test_a_dispatcher_may_not_read_the_audit_log(client, officer, entry):
    client.force_login(officer)
    assert client.get("/staff/audit/").status_code == 403


def test_the_menu_links_every_app_under_staff(client, administrator):
    client.force_login(administrator)
    response = client.get("/staff/")
    urls = [item["url"] for item in response.context["staff_nav"]]
    assert urls[:2] == ["/staff/", "/staff/audit/"]
    for prefix in ("/staff/grid/", "/staff/outages/", "/staff/capacity/", "/staff/notifications/"):
        assert any(url.startswith(prefix) for url in urls), prefix
    for url in urls:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/outages/staff/", "/staff/outages/"),
        ("/outages/staff/incidents/7/?next=/x/", "/staff/outages/incidents/7/?next=/x/"),
        ("/capacity/staff/overloaded/", "/staff/capacity/overloaded/"),
        ("/notifications/staff/deliveries/", "/staff/notifications/deliveries/"),
        ("/staff/network/power-centres/3/", "/staff/grid/power-centres/3/"),
    ],
)
def test_old_staff_addresses_redirect_permanently(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
