"""Content-Security-Policy and the other security headers, on the pages people and API clients open.

Spans several apps by nature (the outage map, the report form, the API docs), hence here.
"""

import re

import pytest
from django.conf import settings

from gridportal.outages.models import Incident
from gridportal.outages.tests.conftest import build_network
from gridportal.outages.tests.factories import report
from gridportal.testing.browser import watch_csp


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Sign-in failures are counted in the cache: leave no lock-out to later tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


PAGES = ["/", "/outages/", "/outages/report/", "/api/docs/", "/accounts/login/", "/capacity/"]


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


@pytest.fixture
def outage(branch, officer):
    """A confirmed incident (two reports under one substation), with its network."""
    from gridportal.outages.services import incident_confirm

    network = build_network(branch)
    for address in network.addresses_of(network.substations[0]):
        report(address)
    return incident_confirm(incident=Incident.objects.get(), actor=officer), network


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_every_page_sends_a_strict_policy_and_the_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = _policy(response)
    for directive in ("default-src", "script-src", "style-src", "connect-src", "font-src"):
        assert policy[directive] == ["'self'"], directive
    assert policy["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert "unsafe" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_map_tile_host_is_the_only_foreign_image_source():
    assert settings.MAP_TILE_URL.startswith(settings.MAP_TILE_ORIGIN + "/")
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"][-1] == (
        settings.MAP_TILE_ORIGIN
    )


@pytest.mark.django_db
@pytest.mark.parametrize("path", [*PAGES, "outage", "report-at-address"])
def test_no_page_has_inline_script_or_style(client, outage, path):
    incident, network = outage
    path = {
        "outage": f"/outages/incidents/{incident.pk}/",
        "report-at-address": f"/outages/report/?address={network.addresses[0].pk}",
    }.get(path, path)
    html = client.get(path).content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), "an inline event handler"


@pytest.mark.django_db
def test_the_api_docs_start_script_is_a_file_of_its_own(client):
    page = client.get("/api/docs/").content.decode()
    script = re.search(r'<script src="(/api/docs/\?[^"]*script=[^"]*)"', page)
    assert script, page
    response = client.get(script.group(1).replace("&amp;", "&"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in response.content.decode()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_map_the_outage_the_report_form_and_the_api_docs_work_under_the_policy(
    browser, live_server, outage, officer
):
    incident, network = outage
    context = browser.new_context(base_url=live_server.url, locale="ru-RU")
    context.set_default_timeout(15000)
    page = context.new_page()
    violations = watch_csp(page)
    errors = []
    page.on(
        "console",
        lambda m: (
            errors.append(f"{m.text} @ {m.location.get('url', '')}") if m.type == "error" else None
        ),
    )
    page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))

    page.goto("/outages/")
    page.locator("#outage-map[data-loaded='1']").wait_for(state="attached")
    assert page.locator("#outage-map .leaflet-marker-pane, #outage-map canvas").count() > 0
    # The tiles are asked from MAP_TILE_URL's host (allowed; the test machine has no internet).
    page.locator("#outage-map img.leaflet-tile").first.wait_for(state="attached")

    page.goto(f"/outages/incidents/{incident.pk}/")
    page.get_by_test_id("incident-history").wait_for()

    page.goto("/outages/report/")
    page.locator("#address-q").press_sequentially("ленина 2", delay=20)  # htmx typeahead
    page.get_by_test_id("address-results").get_by_role("link").first.wait_for()

    page.goto("/api/docs/")
    page.locator(".swagger-ui .info .title").wait_for()
    assert "Gridportal API" in page.locator(".swagger-ui .info .title").inner_text()
    page.locator(".swagger-ui .opblock").first.wait_for()

    page.goto("/accounts/login/")
    for n in range(settings.AXES_FAILURE_LIMIT):
        page.fill("#id_username", officer.username)
        page.fill("#id_password", f"guess-{n}")
        page.click("form.form button[type=submit]")
        page.wait_for_load_state()
    page.get_by_test_id("locked-out").wait_for()

    context.close()
    assert violations == []
    unexpected = [
        e
        for e in errors
        if "net::ERR_" not in e  # the map tiles: no internet here
        and "status of 429" not in e  # the lock-out page itself
        and "favicon" not in e
    ]
    assert unexpected == []
