"""An editor publishes a new version of a regulation; a person finds it by a word inside
its PDF and sees what changed; a person follows the connection guide to the request."""

import pytest
from django.urls import reverse

from gridportal.disclosure.links import INTENTION
from gridportal.testing.browser import assert_accessible

from .factories import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor_page(browser, live_server, editor):
    context = browser.new_context(base_url=live_server.url, locale="ru-RU")
    context.set_default_timeout(15000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", "correct-horse-battery")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    yield page
    context.close()


def test_an_editor_publishes_a_new_version_and_a_person_finds_it_by_its_pdf(
    page, editor_page, rules_861, tmp_path
):
    # The editor opens the regulation in the console and uploads its new edition.
    editor_page.goto("/staff/disclosure/documents/")
    editor_page.get_by_role("link", name=rules_861.title[:40], exact=False).click()
    editor_page.get_by_role("link", name="Загрузить новую редакцию").click()
    editor_page.fill("#id_date", "2026-10-01")
    editor_page.fill("#id_effective_from", "2026-11-01")
    pdf = tmp_path / "pp861-2026.pdf"
    pdf.write_bytes(
        pdf_bytes(
            "Правила технологического присоединения (ред. 2026)",
            [
                "Заявитель направляет заявку в сетевую организацию через личный кабинет.",
                "Договор размещается вместе с условиями электроснабжения гарантирующего "
                "поставщика.",
            ],
        )
    )
    editor_page.set_input_files("#id_file", str(pdf))
    editor_page.click("form.form button[type=submit]")
    editor_page.get_by_text("Черновик: не опубликован").wait_for()
    editor_page.get_by_role("button", name="Опубликовать").click()
    editor_page.get_by_text("Документ опубликован.").wait_for()

    # A person searches for a word that is only inside the new PDF, in another form.
    page.goto("/documents/")
    assert_accessible(page)
    page.get_by_role("searchbox").fill("гарантирующий поставщик")
    page.get_by_role("button", name="Найти").click()
    results = page.get_by_test_id("documents")
    assert results.locator("li").count() == 1
    assert "гарантирующего" in results.locator("mark").first.inner_text()
    assert_accessible(page)
    results.locator("a.doc-title").click()
    page.wait_for_load_state()
    changes = page.get_by_test_id("changes")
    assert "гарантирующего" in changes.locator(".diff-added").all_inner_texts()[-1] or any(
        "гарантирующего" in text for text in changes.locator(".diff-added").all_inner_texts()
    )
    assert any(
        "Сетевая организация размещает условия типового договора" in text
        for text in changes.locator(".diff-removed").all_inner_texts()
    )
    assert_accessible(page)

    # The old version says it is superseded and leads to the new one.
    page.get_by_role("link", name="Открыть предыдущую редакцию").click()
    page.get_by_test_id("successor").wait_for()
    assert_accessible(page)


def test_a_person_follows_the_connection_guide_to_the_request(page, connection_guide):
    page.goto("/guides/")
    assert_accessible(page)
    page.locator("#main").get_by_role("link", name="Технологическое присоединение").click()
    page.wait_for_load_state()
    assert_accessible(page)
    link = page.get_by_test_id("service-links").get_by_role(
        "link", name="Подать заявку-намерение на присоединение"
    )
    assert link.get_attribute("href") == INTENTION.url == reverse("connection:intention")
    page.get_by_role("button", name="Да").click()
    page.get_by_test_id("feedback-thanks").wait_for()
    # The guide leads on into the connection app's request-intention.
    link.click()
    page.get_by_role("heading", name="Технологическое присоединение", level=1).wait_for()
    assert page.url.endswith(reverse("connection:intention"))


def test_the_disclosure_page_is_accessible(page, free_capacity_item):
    page.goto("/disclosure/")
    assert page.get_by_test_id("disclosure-items").get_by_text("Свободная мощность").count()
    assert_accessible(page)
