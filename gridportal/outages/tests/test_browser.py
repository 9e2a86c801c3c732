"""A customer and a dispatcher go through an outage from the first report to restoration."""

import datetime as dt
import re
import time

import pytest
from django.utils import timezone

from gridportal.outages import services
from gridportal.outages.models import Incident
from gridportal.testing.browser import assert_accessible

from .factories import report

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


def test_from_the_first_report_to_restoration(
    page, dispatcher_page, network, smtp_server, settings, live_server
):
    settings.SITE_URL = live_server.url
    tp = network.substations[0]
    mine, neighbour = network.addresses_of(tp)

    # The customer looks up the address: no known outage.
    page.goto("/outages/status/")
    page.locator("#address-q").press_sequentially(f"ленина {mine.house}", delay=20)
    choice = page.get_by_test_id("address-results").get_by_role("link", name=mine.label, exact=True)
    choice.click()
    page.wait_for_load_state()
    answer = page.get_by_test_id("status-answer")
    assert "answer-none" in answer.get_attribute("class")
    assert_accessible(page)

    # The customer subscribes to the address by e-mail and confirms from the letter.
    answer.get_by_role("link", name="Получать уведомления по e-mail или SMS").click()
    page.wait_for_load_state()
    page.get_by_label("Адрес эл. почты").fill("ivanova@example.ru")
    page.get_by_label("Я согласен").check()
    page.get_by_role("button", name="Подписаться").click()
    page.get_by_role("heading", name="Проверьте почту").wait_for()
    [letter] = smtp_server.wait_for(1)
    page.goto(re.search(r"http://\S+/notifications/confirm/\S+", letter["body"]).group(0))
    assert page.get_by_role("heading", level=1).inner_text() == "Подписка подтверждена"
    page.goto(f"/outages/status/?address={mine.pk}")
    answer = page.get_by_test_id("status-answer")

    # ... and reports the outage.
    answer.locator(f"a[href='/outages/report/?address={mine.pk}']").click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.check("input[name=problem][value=no_power]")
    page.fill("#id_phone", "+7 911 400-00-01")
    page.check("#id_consent")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()
    number = page.get_by_test_id("report-number").inner_text()
    assert any(ch.isdigit() for ch in number)
    assert_accessible(page)

    # A neighbour under the same substation reports too: the roll-up predicts an incident.
    report(neighbour)
    incident = Incident.objects.get()
    assert incident.substation == tp

    # The dispatcher confirms it on the live board and sets the restoration time.
    board = dispatcher_page
    board.goto("/staff/outages/")
    row = board.locator(f"tr[data-incident='{incident.pk}']")
    row.locator("button[type=submit]").first.click()
    board.wait_for_load_state()
    row = board.locator(f"tr[data-incident='{incident.pk}']")
    etr = timezone.localtime(timezone.now() + dt.timedelta(hours=3)).replace(
        second=0, microsecond=0
    )
    row.locator("input[type=datetime-local]").fill(etr.strftime("%Y-%m-%dT%H:%M"))
    row.locator("input[type=datetime-local]").press("Enter")
    board.wait_for_load_state()
    board.locator(f"tr[data-incident='{incident.pk}']").get_by_text(
        etr.strftime("%d.%m %H:%M")
    ).wait_for()
    incident.refresh_from_db()
    assert incident.status == "confirmed" and incident.etr == etr
    assert_accessible(board)
    board.goto(f"/staff/outages/incidents/{incident.pk}/")
    assert_accessible(board)

    # The customer sees it on the look-up and on the public outage page.
    page.goto(f"/outages/status/?address={mine.pk}")
    answer = page.get_by_test_id("status-answer")
    assert "answer-outage" in answer.get_attribute("class")
    assert etr.strftime("%H:%M") in answer.inner_text()
    assert_accessible(page)
    page.goto("/outages/")
    assert page.get_by_test_id("outage-areas").get_by_text("Петрозаводск").is_visible()
    page.locator("#outage-map[data-loaded='1']").wait_for(state="attached")
    assert_accessible(page)
    page.get_by_test_id("outage-areas").get_by_role("link", name="Петрозаводск").click()
    page.wait_for_load_state()
    history = page.get_by_test_id("incident-history")
    assert etr.strftime("%H:%M") in history.inner_text()
    assert_accessible(page)

    # The subscriber got the outage letter with the restoration time, through real SMTP.
    letters = smtp_server.wait_for(2)
    outage_letters = [m for m in letters[1:] if m["to"] == ["ivanova@example.ru"]]
    assert outage_letters, [m["subject"] for m in letters]
    assert any(etr.strftime("%H:%M") in m["body"] for m in smtp_server.messages[1:])

    # The dispatcher restores it; the customer's answer goes back to normal.
    board.goto("/staff/outages/")
    row = board.locator(f"tr[data-incident='{incident.pk}']")
    row.get_by_text("Электроснабжение восстановлено…").click()
    row.get_by_label("Что сделано").fill("Заменён провод на опоре № 17")
    row.get_by_role("button", name="Подтвердить восстановление").click()
    board.wait_for_load_state()
    incident.refresh_from_db()
    assert incident.status == "restored"
    page.goto(f"/outages/status/?address={mine.pk}")
    assert "answer-none" in page.get_by_test_id("status-answer").get_attribute("class")

    # The subscriber is told the power is back, with a «still without power?» link.
    def restored_letter():
        for message in smtp_server.messages:
            if "/outages/still-out/" in message["body"]:
                return message
        return None

    deadline = time.monotonic() + 15
    while restored_letter() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    letter = restored_letter()
    assert letter is not None, [m["subject"] for m in smtp_server.messages]
    still_out = re.search(r"http://\S+/outages/still-out/\S+", letter["body"]).group(0)
    page.goto(still_out)
    assert_accessible(page)


def test_planned_work_pages_are_accessible(page, network):
    start = timezone.now() + dt.timedelta(days=1)
    services.planned_outage_create(
        branch=network.branch,
        district=network.district,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=4),
        reason="Замена опор ВЛ-0,4 кВ",
        substations=[network.substations[0]],
    )
    page.goto("/outages/planned/")
    assert page.get_by_test_id("planned").get_by_text("Замена опор ВЛ-0,4 кВ").is_visible()
    assert_accessible(page)
    page.goto(f"/outages/status/?address={network.addresses[0].pk}")
    assert "answer-planned" in page.get_by_test_id("status-answer").get_attribute("class")
    assert_accessible(page)
    page.goto(f"/outages/text/?address={network.addresses[0].pk}")
    assert "Замена опор ВЛ-0,4 кВ" in page.locator("main").inner_text()
    assert_accessible(page)


def test_the_report_form_works_without_javascript(browser, live_server, network):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(15000)
    page = context.new_page()
    page.goto("/outages/report/")
    page.fill("#address-q", "ленина 2")
    page.locator("form.address-search button[type=submit]").click()
    page.wait_for_load_state()
    page.get_by_test_id("address-results").get_by_role("link").first.click()
    page.wait_for_load_state()
    page.check("input[name=problem][value=hazard_tree]")
    page.check("#id_consent")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("report-number").is_visible()
    assert "112" in page.locator("main").inner_text()
    context.close()
