"""What a person and a clerk read on an appeal's page: the number whole, nobody missing from
the list of whom to assign, no «---------», and the appeals' own words."""

import pytest

from gridportal.testing.browser import assert_accessible
from gridportal.testing.catalogue import shadowed_translations

from .helpers import file_appeal


@pytest.mark.django_db
def test_an_administrator_of_every_branch_can_be_assigned(client, address, administrator):
    appeal = file_appeal(address).appeal  # no officer of its own branch exists
    client.force_login(administrator)
    page = client.get(f"/staff/appeals/a/{appeal.number}/")
    choices = page.context["assign_form"].fields["assignee"].queryset
    assert administrator in choices
    text = page.content.decode()
    assert "---------" not in text and "— выберите —" in text
    response = client.post(
        f"/staff/appeals/a/{appeal.number}/assign/", {"assignee": administrator.pk}
    )
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.assignee == administrator


@pytest.mark.django_db
def test_the_queue_filter_says_in_progress(client, clerk):
    client.force_login(clerk)
    text = client.get("/staff/appeals/").content.decode()
    assert '<option value="" selected>в работе</option>' in text  # it read «открыта»


def test_every_russian_word_of_the_app_is_the_one_pages_show():
    assert shadowed_translations("appeals") == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_number_in_the_heading_is_not_broken(browser, live_server, address):
    receipt = file_appeal(address)
    context = browser.new_context(
        base_url=live_server.url, locale="ru-RU", viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    page.goto("/appeals/track/")
    page.fill("#id_number", receipt.appeal.number)
    page.fill("#id_code", receipt.code)
    page.get_by_role("button", name="Показать обращение").click()
    number = page.locator("h1 .appeal-number")
    assert number.inner_text() == receipt.appeal.number
    assert number.evaluate("n => n.getClientRects().length") == 1  # one line, not «А-2026-⏎000001»
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    context.close()


@pytest.mark.django_db
def test_a_stale_address_link_says_so_and_offers_the_search(client, address):
    for bad in ("abc", "99999999"):
        response = client.get("/appeals/", {"address": bad})
        assert response.status_code == 404
        text = response.content.decode()
        assert "Этот адрес не найден. Найдите его снова" in text
        assert 'name="q"' in text  # the address search to start again


@pytest.mark.django_db
def test_the_file_hint_is_in_the_readers_language(client, address):
    """The hint was worked out once, when the module was imported: one language for all."""
    russian = client.get("/appeals/", {"address": address.pk}).content.decode()
    assert "До 5 файлов PDF, JPEG или PNG" in russian
    client.cookies["django_language"] = "en"
    english = client.get("/appeals/", {"address": address.pk}).content.decode()
    assert "Up to 5 files, PDF, JPEG or PNG" in english
    assert "До 5 файлов" not in english


@pytest.mark.django_db
def test_a_wrong_code_is_explained_in_the_readers_language(client, address):
    receipt = file_appeal(address)
    wrong = {"number": receipt.appeal.number, "code": "AAAAA-AAAAA"}
    russian = client.post("/appeals/track/", wrong).content.decode()
    assert "Обращение с таким номером и кодом не найдено" in russian
    client.cookies["django_language"] = "en"
    english = client.post("/appeals/track/", wrong).content.decode()
    assert "We found no appeal with this number and code" in english
