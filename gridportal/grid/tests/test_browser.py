"""A person opens the portal, switches language and finds their address."""

import pytest
from playwright.sync_api import expect

from gridportal.testing.browser import assert_accessible
from gridportal.testing.factories import SettlementFactory, address_create, street_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def addresses(branch):
    town = SettlementFactory(district__branch=branch, name="Петрозаводск")
    street = street_create(settlement=town, name="Ленина")
    for house in ("3", "5", "7"):
        address_create(street=street, house=house)


def test_the_home_page_opens_in_russian_and_switches_to_english(page, addresses):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Электроснабжение и технологическое присоединение"
    )
    assert page.get_by_text("Наши филиалы").is_visible()
    assert_accessible(page)

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == ("Power supply and grid connection")
    assert_accessible(page)

    page.get_by_role("button", name="Русский").click()
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Электроснабжение и технологическое присоединение"
    )


def test_typing_an_address_suggests_it_as_you_type(page, addresses):
    page.goto("/")
    page.get_by_label("Ваш адрес").press_sequentially("петрозаводск ленина 5", delay=30)
    results = page.get_by_test_id("address-results")
    # Answers to the partial words may show first; the list settles on the whole address.
    expect(results.locator("li").first).to_contain_text("г. Петрозаводск, ул. Ленина, д. 5")
    assert "/addresses/" not in page.url  # the page did not reload
    assert_accessible(page)


def test_the_address_search_works_without_javascript(browser, live_server, addresses):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(15000)
    page = context.new_page()
    page.goto("/")
    page.get_by_label("Ваш адрес").fill("ленина 7")
    page.get_by_role("button", name="Найти").click()
    page.wait_for_load_state()
    assert "/addresses/?q=" in page.url
    assert page.get_by_text("г. Петрозаводск, ул. Ленина, д. 7").is_visible()
    context.close()


def test_an_empty_result_says_so(page, addresses):
    page.goto("/addresses/?q=несуществующая")
    assert page.get_by_text("ничего не найдено").is_visible()
    assert_accessible(page)


def test_a_dispatcher_sees_the_network_of_their_branch_on_the_map(page, login, officer, branch):
    from gridportal.testing.factories import SubstationFactory

    for n in range(3):
        SubstationFactory(
            feeder__power_centre__district__branch=branch,
            name=f"ТП-{100 + n}",
            latitude=61.78 + n / 100,
            longitude=34.35,
        )
    login(officer)
    page.goto("/staff/grid/")
    page.wait_for_selector("#network-map[data-loaded]")
    # three substations and their power centres, clustered by Leaflet
    assert page.locator("#network-map").get_attribute("data-loaded") == "6"
    assert page.locator(".leaflet-marker-icon, .leaflet-interactive").count() >= 1
    assert_accessible(page)
    page.get_by_role("link", name="Те же центры питания таблицей").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Центры питания"
    assert_accessible(page)
