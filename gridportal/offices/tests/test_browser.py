"""A person finds the nearest service centre, books, gets the letter, cancels; the front desk
sees the booking come and go, tickets a walk-in, calls and serves them, and the wait is counted."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from gridportal.offices.selectors import free_slots, office_get
from gridportal.testing.browser import assert_accessible
from gridportal.testing.factories import address_create

from .factories import office_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def operator_page(browser, live_server, operator):
    context = browser.new_context(base_url=live_server.url, locale="ru-RU")
    context.set_default_timeout(15000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", operator.username)
    page.fill("#id_password", "correct-horse-battery")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    yield page
    context.close()


def first_free_day(office):
    for offset in range(1, 15):
        day = timezone.localdate() + dt.timedelta(days=offset)
        if free_slots(office_get(office.pk), service="metering", day=day):
            return day
    raise AssertionError("no free day")


def test_find_book_cancel_and_the_front_desk(
    page, operator_page, branch, smtp_server, settings, live_server
):
    settings.SITE_URL = live_server.url
    address = address_create(house="5")  # Петрозаводск, ул. Ленина, 5 (61.79, 34.36)
    near = office_create(branch, name="ЦОК Центральный", latitude=61.792, longitude=34.362, desks=1)
    office_create(branch, name="ЦОК Северный", latitude=61.95, longitude=34.6)

    # The directory: every centre on the map and in the list.
    page.goto("/offices/")
    page.wait_for_selector("#office-map[data-loaded='2']")
    assert_accessible(page)

    # Nearest to my address: the central office first, with its distance.
    page.fill("#id_address", f"Ленина {address.house}")
    page.get_by_role("button", name="Показать", exact=True).click()
    page.wait_for_selector("[data-testid=near-place]")
    first = page.locator("[data-testid=office-list] .office-card").first
    assert "ЦОК Центральный" in first.inner_text()
    assert re.search(r"0,\d км", first.get_by_test_id("distance").inner_text())
    page.wait_for_selector("#office-map[data-loaded='2']")
    assert_accessible(page)

    # Book a slot.
    first.get_by_role("link", name="Записаться на приём").click()
    day = first_free_day(near)
    page.select_option("#id_service", "metering")
    page.select_option("#id_date", day.isoformat())
    page.get_by_role("button", name="Показать свободное время").click()
    page.wait_for_load_state()
    assert_accessible(page)
    slot = page.locator("[data-testid=slots] input[type=radio]").first
    time_label = page.locator("[data-testid=slots] label").first.inner_text()
    slot.check()
    page.fill("#id_name", "Анна Смирнова")
    page.fill("#id_email", "anna@example.ru")
    page.check("#id_consent")
    page.get_by_role("button", name="Записаться", exact=True).click()
    page.wait_for_selector("[data-testid=booked]")
    code = page.get_by_test_id("booking-code").inner_text()
    assert_accessible(page)

    # The confirmation letter, through a real SMTP server.
    [letter] = smtp_server.wait_for(1)
    assert code in letter["body"] and time_label in letter["body"]
    assert letter["to"] == ["anna@example.ru"]

    # The front desk sees the booking on that day.
    operator_page.goto(f"/staff/offices/{near.pk}/?date={day.isoformat()}")
    assert operator_page.locator(f"[data-code='{code}']").count() == 1

    # The person cancels by the code; the booking vanishes from the desk's day.
    page.goto(f"/offices/booking/?code={code}")
    page.get_by_role("button", name="Отменить запись").click()
    page.wait_for_selector("[data-testid=cancelled]")
    assert page.get_by_test_id("booking-status").inner_text() == "Отменена"
    assert smtp_server.wait_for(2)[1]["subject"].strip() == f"Ваша запись {code} отменена"
    operator_page.reload()
    assert operator_page.locator(f"[data-code='{code}']").count() == 0

    # A walk-in gets a ticket; the hall screen shows the call; service starts and ends.
    page.goto(f"/offices/{near.pk}/screen/")
    assert_accessible(page)
    operator_page.goto(f"/staff/offices/{near.pk}/")
    operator_page.select_option("#id_service", "payments")
    operator_page.get_by_role("button", name="Выдать талон").click()
    row = operator_page.locator("[data-ticket='A001']")
    row.wait_for()
    page.locator("#hall-waiting", has_text="A001").wait_for()
    row.get_by_role("button", name="Вызвать").click()
    page.locator("#hall-called tr", has_text="A001").wait_for(timeout=10000)
    assert page.locator("#hall-called tr").first.inner_text().split() == ["A001", "1"]
    operator_page.locator("[data-ticket='A001']").get_by_role(
        "button", name="Начать обслуживание"
    ).click()
    operator_page.locator("[data-ticket='A001']").get_by_role("button", name="Обслужен").click()
    assert "Обслужен" in operator_page.locator("[data-ticket='A001']").inner_text()
    assert (
        "0 минут" in operator_page.locator("[data-ticket='A001'] [data-testid=wait]").inner_text()
    )

    # The month's figures count the visit as served within the standard.
    operator_page.goto("/staff/offices/")
    figures = operator_page.locator(f"[data-testid=figures] tr[data-office='{near.pk}']")
    assert figures.get_by_test_id("served").inner_text() == "1"
    assert "1 (100 %)" in figures.get_by_test_id("within").inner_text()
