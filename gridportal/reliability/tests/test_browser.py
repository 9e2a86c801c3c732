"""A dispatcher restores incidents on the board; the reliability pages follow."""

import datetime as dt

import pytest
from django.utils import timezone

from gridportal.outages.models import Incident
from gridportal.outages.tests.factories import report
from gridportal.reliability.choices import AreaKind
from gridportal.reliability.selectors import Area, area_report
from gridportal.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def dispatcher_page(browser, live_server, officer):
    context = browser.new_context(base_url=live_server.url, locale="ru-RU")
    context.set_default_timeout(15000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", officer.username)
    page.fill("#id_password", "correct-horse-battery")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    yield page
    context.close()


def restore_on_the_board(page, incident, steps):
    """Everything the dispatcher clicks: confirm the incident, then restore it step by step.

    `steps` is a list of lists of substations; each list is one «part of the area
    restored» action on the incident page (the last step restores the incident). If the
    board asks for a confirmation of a restoration one day, this is the one place to say yes.
    """
    page.goto(f"/staff/outages/incidents/{incident.pk}/")
    page.locator("form[action$='/confirm/'] button[type=submit]").click()
    page.wait_for_load_state()
    for substations in steps:
        form = page.locator("form[action$='/step/']")
        for tp in substations:
            form.locator(f"input[type=checkbox][value='{tp.pk}']").check()
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()


def outage(network, substations, *, started):
    before = set(Incident.objects.values_list("pk", flat=True))
    for tp in substations:
        for address in network.addresses_of(tp):
            report(address, now=started)
    return Incident.objects.exclude(pk__in=before).get(status="predicted")


def month_figure(page, url, branch, month, index="saifi") -> float:
    page.goto(url)
    cell = page.locator(
        f"[data-testid='months-branch-{branch.pk}'] tr[data-month='{month:%Y-%m}'] "
        f"td[data-index='{index}']"
    )
    return float(cell.inner_text().replace(",", ".").replace("\u00a0", ""))


def test_steps_on_the_board_change_the_months_figures_and_a_long_one_reaches_the_limits_list(
    page, dispatcher_page, network, live_server
):
    now = timezone.localtime()
    started = now - dt.timedelta(hours=3)
    long_ago = now - dt.timedelta(hours=26)
    public = f"/reliability/?year={started.year}"
    staff = f"/staff/reliability/?year={started.year}"
    branch = network.branch
    assert month_figure(page, public, branch, started) == 0
    assert month_figure(dispatcher_page, staff, branch, started) == 0
    assert_accessible(page)
    assert_accessible(dispatcher_page)

    # A feeder goes out (20, 40 and 60 customers of 240); the dispatcher restores it in two steps.
    d, e, f = network.substations[3:6]
    incident = outage(network, [d, e, f], started=started)
    restore_on_the_board(dispatcher_page, incident, [[d], [e, f]])
    incident.refresh_from_db()
    assert incident.status == "restored"

    first = started.date().replace(day=1)
    expected = area_report(Area(AreaKind.BRANCH, branch), first, started.date()).indices
    assert expected.saifi == pytest.approx(120 / 240)
    assert month_figure(page, public, branch, started) == pytest.approx(0.5)
    assert month_figure(dispatcher_page, staff, branch, started) == pytest.approx(0.5)
    saidi = month_figure(page, public, branch, started, "saidi")
    assert saidi == pytest.approx(expected.saidi, abs=0.05) and saidi > 0

    # One substation stays out for 26 hours: its addresses are over the 24-hour limit.
    c = network.substations[2]
    long_one = outage(network, [c], started=long_ago)
    restore_on_the_board(dispatcher_page, long_one, [[c]])
    dispatcher_page.goto(
        f"/staff/reliability/limits/?first={long_ago:%Y-%m-%d}&last={now:%Y-%m-%d}"
    )
    limits = dispatcher_page.get_by_test_id("limits")
    for address in network.addresses_of(c):
        assert address.label in limits.inner_text()
    for address in network.addresses_of(d):
        assert address.label not in limits.inner_text()
    assert_accessible(dispatcher_page)
