"""A dacha owner with no address yet clicks the plot on the map and gets the answer of the
nearest ТП, in a real browser, accessible, on a 360 px phone without sideways scrolling."""

import re

import pytest

from gridportal.connection.models import ConnectionIntention
from gridportal.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def no_tiles(settings):
    settings.MAP_TILE_URL = ""  # the point must work without tiles (and the test has no internet)


def send(page):
    page.get_by_label("Физическое лицо").check()
    page.get_by_label("Новая мощность, кВт").fill("10")
    page.get_by_label("Ваше имя или название организации").fill("Ольга Смирнова")
    page.locator("#id_email").fill("olga@example.ru")
    page.get_by_label("Я согласен").check()
    page.get_by_role("button", name="Отправить заявку-намерение").click()
    page.wait_for_load_state()


def test_a_click_on_the_map_gets_the_answer_of_the_nearest_tp(page, home):
    page.goto("/connection/")
    page.locator("#point-map[data-ready='1']").wait_for(state="attached")
    assert_accessible(page)
    # The map opens on the company's ТП; a click a little to the south-west of the centre.
    box = page.locator("#point-map").bounding_box()
    middle = {"x": box["width"] / 2, "y": box["height"] / 2}
    page.locator("#point-map").click(position={"x": middle["x"] - 8, "y": middle["y"] + 6})
    latitude = page.get_by_label("Широта, градусы северной широты").input_value()
    longitude = page.get_by_label("Долгота, градусы восточной долготы").input_value()
    assert re.fullmatch(r"61,7\d{4}", latitude) and re.fullmatch(r"34,3\d{4}", longitude)
    assert "Точка отмечена" in page.get_by_test_id("point-status").inner_text()
    page.locator("#point-map path.leaflet-interactive").wait_for()  # the marker
    assert_accessible(page)
    page.get_by_role("button", name="Продолжить с этой точкой").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("point").inner_text().startswith(f"точка {latitude}° с. ш.")
    assert_accessible(page)
    send(page)
    assert "ТП-110" in page.get_by_test_id("candidates").inner_text()
    assert "Ближайшая к вашей точке трансформаторная подстанция — ТП-110" in (
        page.get_by_test_id("nearest").inner_text()
    )
    assert page.get_by_test_id("point").inner_text() == (
        f"точка {latitude}° с. ш., {longitude}° в. д."
    )
    assert_accessible(page)
    intention = ConnectionIntention.objects.get()
    assert intention.address is None and intention.branch == home.branch


def test_the_keyboard_marks_the_centre_and_typed_coordinates_work_too(page, home):
    """Enter on the focused map marks its centre; a typed point far away is refused at once."""
    page.goto("/connection/")
    page.locator("#point-map[data-ready='1']").wait_for(state="attached")
    page.locator("#point-map").focus()
    page.keyboard.press("Enter")
    assert page.get_by_label("Широта, градусы северной широты").input_value() == "61,79000"
    assert page.get_by_label("Долгота, градусы восточной долготы").input_value() == "34,36000"
    # Typed by hand: far away, outside the territory.
    page.get_by_label("Широта, градусы северной широты").fill("55,75")
    page.get_by_label("Долгота, градусы восточной долготы").fill("37,62")
    page.get_by_role("button", name="Продолжить с этой точкой").click()
    page.wait_for_load_state()
    assert "вне территории, которую мы обслуживаем" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Широта, градусы северной широты").input_value() == "55,75"
    assert_accessible(page)
    # Corrected by hand to the plot next to ТП-110.
    page.get_by_label("Широта, градусы северной широты").fill("61.7912")
    page.get_by_label("Долгота, градусы восточной долготы").fill("34.3588")
    page.get_by_role("button", name="Продолжить с этой точкой").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("point").inner_text() == "точка 61,79120° с. ш., 34,35880° в. д."
    send(page)
    assert "ТП-110" in page.get_by_test_id("candidates").inner_text()
    assert ConnectionIntention.objects.get().latitude == 61.7912


@pytest.mark.parametrize("locale", ["ru-RU", "en-GB"])
def test_the_map_page_and_the_point_answer_fit_360_px(browser, live_server, home, locale):
    context = browser.new_context(
        base_url=live_server.url, locale=locale, viewport={"width": 360, "height": 740}
    )
    if locale.startswith("en"):
        context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page = context.new_page()
    page.goto("/connection/")
    page.locator("#point-map[data-ready='1']").wait_for(state="attached")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator("#point-map").click()
    page.locator(".point-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator("input[name=applicant_kind][value=individual]").check()
    page.locator("#id_power_new_kw").fill("10")
    page.locator("#id_name").fill("Olga Smirnova")
    page.locator("#id_email").fill("olga@example.ru")
    page.locator("#id_consent").check()
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()
    assert "ТП-110" in page.get_by_test_id("candidates").inner_text()
    assert (
        page.get_by_test_id("point")
        .inner_text()
        .startswith("point 61." if locale.startswith("en") else "точка 61,")
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
