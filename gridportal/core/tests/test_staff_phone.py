"""The staff console on a phone (360 px): its sections fold behind one button, as the
public menu does, so a dispatcher on the road sees the page first."""

import pytest

from gridportal.testing.browser import assert_accessible, sign_in, watch_csp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    "locale, menu, console",
    [("ru-RU", "Меню", "Пульт"), ("en-GB", "Menu", "Console")],
)
def test_on_a_phone_the_console_sections_fold_behind_the_menu(
    browser, live_server, officer, locale, menu, console, settings
):
    context = browser.new_context(
        base_url=live_server.url, locale=locale, viewport={"width": 360, "height": 740}
    )
    context.set_default_timeout(15000)
    if locale.startswith("en"):
        context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url}]
        )
    page = context.new_page()
    violations = watch_csp(page)
    sign_in(page, officer)
    page.goto("/staff/outages/")
    page.wait_for_load_state("networkidle")

    sections = page.get_by_role("navigation", name=console)
    toggle = page.get_by_role("button", name=menu)
    assert toggle.is_visible() and not sections.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    toggle.click()
    assert sections.is_visible()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert sections.get_by_role("link").count() >= 3
    assert_accessible(page)
    context.close()
    assert not violations, "\n".join(violations)


def test_at_a_desk_the_console_sections_show_without_a_menu(browser, live_server, officer):
    context = browser.new_context(
        base_url=live_server.url, locale="ru-RU", viewport={"width": 1280, "height": 800}
    )
    page = context.new_page()
    sign_in(page, officer)
    page.goto("/staff/outages/")
    assert page.get_by_role("navigation", name="Пульт").is_visible()
    assert not page.get_by_role("button", name="Меню").is_visible()
    context.close()
