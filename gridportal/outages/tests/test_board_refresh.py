"""The outage board keeps itself current (every 5 s) under the Content-Security-Policy,
and holds still while the dispatcher is typing in it."""

import pytest

from gridportal.testing.browser import sign_in, watch_csp

from .factories import report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARTIAL = "/staff/outages/board/"  # the board's own refresh (its ETR form posts to board/etr/)


@pytest.fixture
def board(browser, live_server, officer):
    context = browser.new_context(base_url=live_server.url, locale="ru-RU")
    context.set_default_timeout(15000)
    page = context.new_page()
    violations = watch_csp(page)
    sign_in(page, officer)
    page.goto("/staff/outages/")
    yield page
    context.close()
    assert not violations, "\n".join(violations)


def test_a_new_outage_appears_on_the_open_board_and_typing_holds_it_still(board, network):
    first = network.substations[0]
    report(network.addresses_of(first)[0])
    report(network.addresses_of(first)[1])
    rows = board.get_by_test_id("board").locator("tr[data-incident]")
    assert rows.count() == 0  # loaded before the reports: nothing yet

    # Without a reload the board shows the predicted outage within its refresh.
    rows.first.wait_for(timeout=8000)
    assert rows.count() == 1

    # A dispatcher is at a control on the board: it does not reload under her hands.
    more = network.addresses_of(first)
    report(more[0])
    report(more[1])  # two more reports of the same outage (each from another phone)
    board.locator("#board button").first.focus()
    refreshed = []
    board.on("request", lambda r: refreshed.append(r.url) if PARTIAL in r.url else None)
    board.wait_for_timeout(6500)
    assert not refreshed
    reports = rows.first.get_by_role("cell", name="4", exact=True)
    assert reports.count() == 0
    board.locator("h1").click()  # focus leaves the board: it catches up
    reports.wait_for(timeout=8000)
    assert refreshed
