"""Every public page and every staff page of every app, at 360 × 740 in Chromium, on the demo
company: it answers and nothing scrolls sideways.

The page list comes from the URL conf with parameters filled from the data (core/smoke.py,
the same list the production smoke crawls), so a new app's pages are checked as soon as
it is mounted and seeded; the demo data are the ones `make run` loads.
"""

import pytest
from django.core.management import call_command

from gridportal.accounts.models import User
from gridportal.core.smoke import smoke_targets
from gridportal.grid.management.commands.seed_demo import DEMO_PASSWORD_ENV
from gridportal.testing.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO = [
    ("seed_demo", {"scale": "tiny"}),
    ("seed_capacity_demo", {}),
    ("seed_outages_demo", {}),
    ("seed_appeals_demo", {"count": 40}),
    ("seed_surveys_demo", {"responses": 100}),
    ("seed_offices_demo", {}),
    ("seed_reliability_demo", {}),
    ("seed_learn_demo", {}),
    ("seed_disclosure_demo", {}),
    ("seed_connection_demo", {}),
]
# The demo staff's password, set by the test (seed_demo reads it from the environment).
PASSWORD = "phone-check-password"
# Downloads and feeds are files, not pages.
NOT_PAGES = (".csv", ".xlsx", ".ics", ".json", ".geojson", ".xml", ".pdf", "/feed/", "sw.js")


def _seeded(settings, live_server) -> list:
    settings.SITE_URL = live_server.url
    for command, options in DEMO:
        call_command(command, verbosity=0, **options)
    return [t for t in smoke_targets().targets if not any(m in t.url for m in NOT_PAGES)]


def _too_wide(page, urls) -> list[str]:
    """The pages among `urls` that fail to answer or scroll sideways at 360 px."""
    problems = []
    for url in urls:
        head = page.request.get(url, max_redirects=0)
        status = head.status
        if status == 405:
            continue  # an action that takes a form's POST, not a page
        if "html" not in (head.headers.get("content-type") or "") and status < 300:
            continue  # a file (a document, a certificate), not a page
        if status < 300 and "<main" not in head.text():
            continue  # a fragment htmx swaps into a page (the board's refresh), not a page
        response = page.goto(url)
        if response is None or response.status >= 400:
            problems.append(f"{url}: HTTP {response.status if response else status}")
            continue
        if "html" not in (response.headers.get("content-type") or ""):
            continue
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            problems.append(f"{url}: {width} px wide")
    return problems


def test_every_public_page_fits_a_phone(browser, live_server, settings):
    pages = [t.url for t in _seeded(settings, live_server) if t.kind == "public"]
    assert len(pages) > 40
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}, locale="ru-RU"
    )
    try:
        problems = _too_wide(context.new_page(), pages)
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_every_staff_page_fits_a_phone(browser, live_server, settings, monkeypatch):
    """A dispatcher or an office operator on a phone: every console page, signed in as the
    demo administrator (who sees every section), fits 360 px; wide tables scroll in their
    own box."""
    monkeypatch.setenv(DEMO_PASSWORD_ENV, PASSWORD)
    pages = [t.url for t in _seeded(settings, live_server) if t.kind == "staff"]
    assert len(pages) > 50
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}, locale="ru-RU"
    )
    page = context.new_page()
    try:
        sign_in(page, User.objects.get(username="demo-admin"), PASSWORD)
        problems = _too_wide(page, pages)
    finally:
        context.close()
    assert not problems, "\n".join(problems)
