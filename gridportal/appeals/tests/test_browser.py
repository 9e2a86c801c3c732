"""A person files a complaint and follows it; staff of the branch handle it, another branch's don't."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from gridportal.appeals.models import Appeal
from gridportal.outages import services as outage_services
from gridportal.outages.models import Incident
from gridportal.outages.tests.factories import report
from gridportal.testing.browser import assert_accessible

from .helpers import PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def staff_page(browser, live_server, user):
    context = browser.new_context(base_url=live_server.url, locale="ru-RU")
    context.set_default_timeout(15000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "correct-horse-battery")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    return context, page


def pick_address(page, address):
    page.goto("/appeals/")
    assert_accessible(page)
    page.locator("#address-q").press_sequentially(f"ленина {address.house}", delay=20)
    page.get_by_test_id("address-results").get_by_role(
        "link", name=address.label, exact=True
    ).click()
    page.wait_for_load_state()


def test_a_complaint_from_filing_to_reopening(
    page, browser, live_server, address, clerk, other_clerk, tmp_path
):
    # The person files a power-quality complaint with a document.
    pick_address(page, address)
    assert page.get_by_test_id("live-outage").count() == 0
    assert_accessible(page)
    page.check("input[name=appeal_type][value=complaint]")
    page.select_option("#id_topic", "power_quality")
    assert page.get_by_test_id("quality-fields").is_visible()
    page.fill("#id_text", "По вечерам напряжение падает до 170 В, холодильник не включается.")
    page.fill("#id_contract_number", "12-345678")
    scan = tmp_path / "акт замера.pdf"
    scan.write_bytes(PDF)
    page.set_input_files("#id_attachments", str(scan))
    page.fill("#id_name", "Иванова Мария")
    page.fill("#id_email", "ivanova@example.ru")
    page.check("#id_consent")
    page.locator("form.appeal-form button[type=submit]").click()
    page.wait_for_load_state()
    number = page.get_by_test_id("appeal-number").inner_text().strip()
    code = page.get_by_test_id("appeal-code").inner_text().strip()
    assert number.startswith("А-") and len(code) == 11
    assert page.get_by_test_id("appeal-due").inner_text()
    assert_accessible(page)
    appeal = Appeal.objects.get(number=number)
    assert appeal.attachments.get().original_name == "акт замера.pdf"

    # Staff of the branch see it; staff of another branch do not.
    other_context, other = staff_page(browser, live_server, other_clerk)
    other.goto("/staff/appeals/")
    assert number not in other.content()
    assert other.goto(f"/staff/appeals/a/{number}/").status == 404
    other_context.close()

    context, staff = staff_page(browser, live_server, clerk)
    staff.goto("/staff/appeals/")
    assert_accessible(staff)
    staff.get_by_role("link", name=number).click()
    staff.wait_for_load_state()
    assert "акт замера.pdf" in staff.get_by_test_id("staff-files").inner_text()
    assert_accessible(staff)
    # ... and ask for information: the clock pauses.
    form = staff.get_by_test_id("action-info")
    form.locator("textarea").fill("Сообщите, пожалуйста, номер прибора учёта.")
    form.locator("button[type=submit]").click()
    staff.wait_for_load_state()
    assert Appeal.objects.get(number=number).status == "waiting"

    # The person opens the appeal (remembered from the receipt) and adds the information.
    page.goto(f"/appeals/a/{number}/")
    assert "номер прибора учёта" in page.get_by_test_id("info-question").inner_text()
    assert_accessible(page)
    page.fill("#id_text", "Прибор учёта № 0012345")
    page.locator("form[action$='/info/'] button[type=submit]").click()
    page.wait_for_load_state()
    assert Appeal.objects.get(number=number).status == "in_progress"

    # Staff reply and close.
    staff.goto(f"/staff/appeals/a/{number}/")
    form = staff.get_by_test_id("action-answer")
    form.locator("textarea").fill("Выполнена регулировка напряжения на ТП, напряжение 228 В.")
    form.locator("select[name=justified]").select_option("justified")
    form.locator("select[name=subject]").select_option("transmission")
    form.locator("button[type=submit]").click()
    staff.wait_for_load_state()
    assert Appeal.objects.get(number=number).status == "answered"

    # Another visitor tracks it by number and code, reads the answer, rates and reopens.
    track_context = browser.new_context(base_url=live_server.url, locale="ru-RU")
    person = track_context.new_page()
    person.goto("/appeals/track/")
    assert_accessible(person)
    person.fill("#id_number", number)
    person.fill("#id_code", code.lower())
    person.locator("form[action='/appeals/track/'] button[type=submit]").click()
    person.wait_for_load_state()
    assert "228 В" in person.get_by_test_id("appeal-answer").inner_text()
    assert_accessible(person)
    person.check("input[name=rating][value='2']")
    person.locator("form[action$='/rate/'] button[type=submit]").click()
    person.wait_for_load_state()
    person.fill("#id_reason", "Вечером напряжение снова 180 В.")
    person.locator("form[action$='/reopen/'] button[type=submit]").click()
    person.wait_for_load_state()
    appeal = Appeal.objects.get(number=number)
    assert appeal.status == "in_progress" and appeal.rating == 2 and appeal.reopen_count == 1
    assert person.get_by_test_id("appeal-due").inner_text()
    track_context.close()

    # The registry export holds it.
    staff.goto("/staff/appeals/registry/")
    assert_accessible(staff)
    with staff.expect_download() as download:
        staff.get_by_test_id("registry-export").click()
    with open(download.value.path(), "rb") as file:
        sheet = load_workbook(io.BytesIO(file.read())).active
    assert number in [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    staff.goto("/staff/appeals/report/")
    assert_accessible(staff)
    context.close()


def test_an_address_inside_a_live_outage_shows_the_outage_first(page, addresses, officer):
    report(addresses[1])
    report(addresses[2])
    incident = outage_services.incident_confirm(incident=Incident.objects.get(), actor=officer)
    outage_services.incident_update(
        incident=incident,
        actor=officer,
        cause="weather",
        etr=timezone.now() + dt.timedelta(hours=3),
    )
    pick_address(page, addresses[0])
    notice = page.get_by_test_id("live-outage")
    assert notice.is_visible()
    assert "outages/incidents/" in notice.get_by_role("link").get_attribute("href")
    # It comes before the form.
    before = page.evaluate(
        "() => !!(document.querySelector('[data-testid=live-outage]')"
        ".compareDocumentPosition(document.querySelector('form.appeal-form'))"
        " & Node.DOCUMENT_POSITION_FOLLOWING)"
    )
    assert before
    assert_accessible(page)


def test_staff_register_a_phone_call_and_the_customer_sees_own_appeals(
    page, browser, live_server, address, clerk, customer, login
):
    context, staff = staff_page(browser, live_server, clerk)
    staff.goto("/staff/appeals/new/")
    assert_accessible(staff)
    staff.locator("#address-q").press_sequentially(f"ленина {address.house}", delay=20)
    staff.get_by_test_id("address-results").get_by_role(
        "link", name=address.label, exact=True
    ).click()
    staff.wait_for_load_state()
    assert_accessible(staff)
    staff.select_option("#id_channel", "phone")
    staff.check("input[name=appeal_type][value=question]")
    staff.select_option("#id_topic", "metering")
    staff.fill("#id_text", "Звонок: когда заменят счётчик?")
    staff.check("#id_callback_requested")
    staff.fill("#id_name", "Петров Сергей")
    staff.fill("#id_phone", "+7 911 222-33-44")
    staff.check("input[name=answer_channel][value=phone]")
    staff.check("#id_consent")
    staff.locator("form[action='/staff/appeals/new/'] button[type=submit]").click()
    staff.wait_for_load_state()
    appeal = Appeal.objects.get()
    assert appeal.channel == "phone" and appeal.callback_due_at is not None
    assert appeal.number in staff.content()
    assert_accessible(staff)
    context.close()

    # A signed-in customer's appeals are listed in the account.
    login(customer)
    page.goto(f"/appeals/?address={address.pk}")
    page.check("input[name=appeal_type][value=proposal]")
    page.select_option("#id_topic", "other")
    page.fill("#id_text", "Предлагаю установить фонарь у подстанции.")
    page.check("#id_consent")
    page.locator("form.appeal-form button[type=submit]").click()
    page.wait_for_load_state()
    number = page.get_by_test_id("appeal-number").inner_text().strip()
    page.goto("/appeals/mine/")
    assert page.get_by_role("link", name=number).is_visible()
    assert_accessible(page)
