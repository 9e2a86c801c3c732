"""An applicant uses the load map in a real browser."""

import pytest

from gridportal.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def english(page, live_server, settings):
    settings.MAP_TILE_URL = ""  # markers must work without tiles (and the test has no internet)
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    return page


def test_an_applicant_filters_the_map_opens_a_centre_and_asks_about_100_kw(english, network):
    page = english
    page.goto("/capacity/")
    page.locator("#capacity-map[data-loaded='4']").wait_for(state="attached")
    assert_accessible(page)

    page.get_by_label("Branch", exact=True).select_option("karelia")
    page.get_by_label("Status", exact=True).select_option("open")
    page.get_by_role("button", name="Show", exact=True).click()
    page.locator("#capacity-map[data-loaded='1']").wait_for(state="attached")
    rows = page.locator("table.capacity-table tbody tr")
    assert rows.count() == 1
    assert "Северная" in rows.first.inner_text()
    assert page.get_by_test_id("count-open").inner_text() == "1"
    assert_accessible(page)

    page.get_by_role("link", name="ПС 110 кВ «Северная» (ПС-1)").click()
    assert page.get_by_role("heading", level=1).inner_text() == "ПС 110 кВ «Северная» (ПС-1)"
    page.get_by_label("Requested power, kW").fill("100")
    page.get_by_role("button", name="Check").click()
    answer = page.get_by_test_id("answer")
    assert "Yes: 100 kW fits in the reserve of this power centre" in answer.inner_text()
    assert_accessible(page)


def test_the_map_page_is_accessible_in_russian(page, network, settings):
    settings.MAP_TILE_URL = ""
    page.goto("/capacity/?sort=-reserve")
    page.locator("#capacity-map[data-loaded]").wait_for(state="attached")
    assert page.get_by_role("heading", level=1).inner_text() == "Карта загрузки центров питания"
    assert_accessible(page)


def test_a_marker_popup_links_to_the_centre(english, network):
    page = english
    page.goto("/capacity/?q=Северная")
    page.locator("#capacity-map[data-loaded='1']").wait_for(state="attached")
    page.locator("#capacity-map path.leaflet-interactive").first.click()
    page.locator(".leaflet-popup-content a").click()
    assert "/capacity/centres/{}/".format(network["north"].pk) in page.url


def test_a_dispatcher_uploads_a_file_with_a_bad_row_and_reads_what_to_fix(
    english, login, officer, network, tmp_path
):
    page = english
    login(officer)
    page.goto("/staff/capacity/")
    assert_accessible(page)
    bad = tmp_path / "june.csv"
    bad.write_text(
        "ЦП;Трансформатор;Нагрузка, МВА;Дата замера;Филиал\n"
        "ПС-1;Т-1;12;17.06.2026;karelia\n"
        "ПС-1;Т-2;12 МВА;17.06.2026;karelia\n",
        encoding="utf-8",
    )
    page.get_by_label("File (CSV or XLSX)").first.set_input_files(str(bad))
    page.get_by_role("button", name="Import measurements").click()
    errors = page.get_by_test_id("import-errors")
    assert "Row 3: the load «12 МВА» is not a number of MVA" in errors.inner_text()
    assert_accessible(page)

    bad.write_text(
        "ЦП;Трансформатор;Нагрузка, МВА;Дата замера;Филиал\n"
        "ПС-1;Т-1;12;17.06.2026;karelia\nПС-1;Т-2;12;17.06.2026;karelia\n",
        encoding="utf-8",
    )
    page.get_by_label("File (CSV or XLSX)").first.set_input_files(str(bad))
    page.get_by_role("button", name="Import measurements").click()
    assert page.get_by_text("Imported: 2 new and 0 corrected measurements").is_visible()
