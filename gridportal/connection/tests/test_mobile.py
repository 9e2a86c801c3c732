"""Every public connection and load-map page fits a 360 px phone without sideways scrolling."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fits(page, url, shots=None, name=""):
    page.goto(url)
    page.wait_for_load_state()
    width = page.evaluate("document.documentElement.scrollWidth")
    if shots is not None:
        page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    return width


def test_public_pages_fit_360_px(browser, live_server, home, tmp_path, request):
    shots = request.config.getoption("--basetemp", None) and tmp_path
    for locale in ("ru-RU", "en-GB"):
        context = browser.new_context(
            base_url=live_server.url, locale=locale, viewport={"width": 360, "height": 740}
        )
        if locale.startswith("en"):
            context.add_cookies(
                [{"name": "django_language", "value": "en", "url": live_server.url}]
            )
        page = context.new_page()
        urls = {
            "intention-form": f"/connection/?address={home.pk}",
            "nearby": "/capacity/nearby/?address=Ленина&kw=100&voltage=0.4",
            "load-map": "/capacity/",
            "method": "/capacity/method/",
            "centre": f"/capacity/centres/{home.substation.feeder.power_centre_id}/",
        }
        for name, url in urls.items():
            width = fits(page, url, shots, f"{locale}-{name}")
            assert width <= 360, f"{locale} {url} is {width} px wide"
        page.goto(f"/connection/?address={home.pk}")
        page.locator("input[name=applicant_kind][value=individual]").check()
        page.locator("#id_power_new_kw").fill("15")
        page.locator("#id_name").fill("Анна Петрова")
        page.locator("#id_email").fill("anna@example.ru")
        page.locator("#id_consent").check()
        page.locator("form.form button[type=submit]").click()
        page.wait_for_load_state()
        width = page.evaluate("document.documentElement.scrollWidth")
        if shots:
            page.screenshot(path=str(shots / f"{locale}-answer.png"), full_page=True)
        assert width <= 360, f"{locale} the answer page is {width} px wide"
        context.close()


def test_the_timeline_and_the_readiness_notice_fit_360_px(
    browser, live_server, home, customer, connection_officer, private_files
):
    from .steps import energize, paid_application

    waiting = paid_application(customer, home, connection_officer)  # the notice form shows
    done = energize(
        paid_application(customer, home, connection_officer),
        officer=connection_officer,
        until="act_issued",
    )
    for locale in ("ru-RU", "en-GB"):
        context = browser.new_context(
            base_url=live_server.url, locale=locale, viewport={"width": 360, "height": 740}
        )
        if locale.startswith("en"):
            context.add_cookies(
                [{"name": "django_language", "value": "en", "url": live_server.url}]
            )
        page = context.new_page()
        page.goto("/accounts/login/")
        page.fill("#id_username", customer.email)
        page.fill("#id_password", "correct-horse-battery")
        page.click("form.form button[type=submit]")
        page.wait_for_load_state()
        for a in (waiting, done):
            width = fits(page, f"/connection/applications/{a.number}/")
            assert width <= 360, f"{locale} {a.stage} application page is {width} px wide"
        assert page.get_by_test_id("timeline").get_by_role("link").count() == 4  # the papers
        context.close()


def test_every_step_of_the_application_fits_360_px(
    browser, live_server, home, customer, private_files
):
    from gridportal.connection.forms import STEP_NAMES
    from gridportal.connection.services import applications as services

    draft = services.application_draft_save(
        customer=customer,
        data={"address": home, "applicant_kind": "legal", "applicant_name": "ООО «Северный хлеб»"},
    )
    for locale in ("ru-RU", "en-GB"):
        context = browser.new_context(
            base_url=live_server.url, locale=locale, viewport={"width": 360, "height": 740}
        )
        if locale.startswith("en"):
            context.add_cookies(
                [{"name": "django_language", "value": "en", "url": live_server.url}]
            )
        page = context.new_page()
        page.goto("/accounts/login/")
        page.fill("#id_username", customer.email)
        page.fill("#id_password", "correct-horse-battery")
        page.click("form.form button[type=submit]")
        page.wait_for_load_state()
        urls = [f"/connection/applications/new/?address={home.pk}"] + [
            f"/connection/applications/drafts/{draft.pk}/{step}/" for step in STEP_NAMES
        ]
        for url in urls:
            width = fits(page, url)
            assert width <= 360, f"{locale} {url} is {width} px wide"
        context.close()
