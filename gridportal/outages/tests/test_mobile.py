"""Every public page at 360 × 740 (a phone): no sideways scrolling, the answer in the first screen."""

import datetime as dt

import pytest
from django.utils import timezone

from gridportal.outages import services
from gridportal.outages.choices import Cause
from gridportal.outages.models import Incident, PlannedOutage
from gridportal.testing.browser import watch_csp

from .factories import report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Public pages of every app ({address}, {incident}, {centre} are filled in). The load map's
# pages are here too: the capacity branch of issue #10 owns them; they pass on this one.
PUBLIC_PAGES = [
    "/",
    "/addresses/?q=Ленина",
    "/addresses/{address}/",
    "/addresses/{address}/text/",
    "/outages/",
    "/outages/status/",
    "/outages/status/?address={address}",
    "/outages/text/?address={address}",
    "/outages/report/",
    "/outages/report/?address={address}",
    "/outages/planned/",
    "/outages/estimates/",
    "/outages/incidents/{incident}/",
    "/notifications/subscribe/?address={address}",
    "/notifications/manage/",
    "/accounts/login/",
    "/accounts/signup/",
    "/capacity/",
    "/capacity/centres/{centre}/",
    "/capacity/nearby/",
    "/capacity/method/",
    "/capacity/quarters/",
]


@pytest.fixture
def scene(network, officer):
    tp = network.substations[0]
    report(network.addresses_of(tp)[0])
    report(network.addresses_of(tp)[1])
    incident = services.incident_confirm(incident=Incident.objects.get(), actor=officer)
    services.incident_update(
        incident=incident,
        actor=officer,
        cause=Cause.WEATHER,
        etr=timezone.now() + dt.timedelta(hours=3),
        public_message="Повреждение провода на опоре № 17 по ул. Ленина; бригада выехала.",
    )
    start = timezone.now() + dt.timedelta(days=1)
    work = PlannedOutage.objects.create(
        branch=network.branch,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=4),
        reason="Замена изоляторов и ревизия оборудования ТП",
        area_description="ул. Ленина, ул. Кутузова, пер. Школьный, ул. Набережная",
    )
    work.substations.add(network.substations[1])
    return {
        "address": network.addresses[0].pk,
        "incident": incident.pk,
        "centre": network.centre.pk,
    }


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="ru-RU", viewport={"width": 360, "height": 740}
    )
    context.set_default_timeout(15000)
    page = context.new_page()
    violations = watch_csp(page)
    yield page
    context.close()
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_no_public_page_scrolls_sideways_at_360_px(phone, scene, path):
    response = phone.goto(path.format(**scene))
    assert response.status < 400, (path, response.status)
    phone.wait_for_load_state("networkidle")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{path} is {width} px wide at 360 px"


def test_on_a_phone_the_answer_is_in_the_first_screen_and_the_menu_folds(phone, scene):
    phone.goto(f"/outages/status/?address={scene['address']}")
    answer = phone.get_by_test_id("status-answer")
    box = answer.bounding_box()
    assert box is not None and box["y"] < 740 - 80, box  # its headline shows without scrolling
    nav = phone.get_by_role("navigation", name="Основное")
    assert not nav.is_visible()
    phone.get_by_test_id("menu-toggle").click()
    assert nav.is_visible()
    assert phone.get_by_test_id("menu-toggle").get_attribute("aria-expanded") == "true"
    assert phone.get_by_role("button", name="Выбрать").is_visible()
