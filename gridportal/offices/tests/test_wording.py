"""Words on the office pages are the offices' own, not another app's translation of them."""

import re

import pytest
from django.urls import reverse

from gridportal.testing.catalogue import shadowed_translations

from .factories import office_create


@pytest.mark.django_db
def test_a_day_without_hours_reads_closed_in_the_neuter(client, branch):
    office = office_create(branch)
    text = client.get(reverse("offices:office", args=[office.pk])).content.decode()
    sunday = re.search(r"Воскресенье</th>\s*<td>([^<]+)</td>", text)
    assert sunday and sunday.group(1) == "закрыто"  # it read «закрыта», the Open311 status
    assert "закрыта" not in text


def test_every_russian_word_of_the_app_is_the_one_pages_show():
    assert shadowed_translations("offices") == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_address_box_is_as_wide_as_the_service_select(browser, live_server, branch):
    from gridportal.testing.browser import assert_accessible

    office_create(branch)
    context = browser.new_context(
        base_url=live_server.url, locale="ru-RU", viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    page.goto(reverse("offices:directory"))
    address = page.locator("#id_address").bounding_box()
    service = page.locator("#id_service").bounding_box()
    assert abs(address["width"] - service["width"]) < 2, (address, service)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    context.close()


@pytest.mark.django_db
def test_the_booking_lookup_says_where_the_code_is_and_what_is_wrong(client):
    page = client.get(reverse("offices:booking-manage")).content.decode()
    assert "8 букв и цифр из подтверждения записи" in page
    response = client.get(reverse("offices:booking-manage"), {"code": "zzz"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Проверьте код: в нём 8 букв и цифр." in text
    assert "Убедитесь, что это значение" not in text
