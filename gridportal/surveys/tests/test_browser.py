"""Staff build a questionnaire; people answer online, on an office tablet (offline too) and on
paper; the analytics count all three channels."""

import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from gridportal.surveys.models import Response
from gridportal.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def add_question(page, key, kind, text, *, options="", condition=("", ""), required=True):
    page.get_by_label("Код", exact=True).fill(key)
    page.get_by_label("Вид").select_option(kind)
    page.get_by_label("Вопрос", exact=True).fill(text)
    if not required:
        page.get_by_label("Обязательный").uncheck()
    if options:
        page.get_by_label("Варианты").fill(options)
    if condition[0]:
        page.get_by_label("Показывать, только если вопрос с кодом").fill(condition[0])
        page.get_by_label("получил ответ").fill(condition[1])
    page.get_by_role("button", name="Добавить вопрос").click()
    page.wait_for_load_state()
    assert page.locator(f'tr[data-key="{key}"]').is_visible()


def test_build_answer_online_on_a_tablet_offline_and_on_paper_then_read_the_figures(
    page, live_server, login, administrator, branch
):
    # Staff build the questionnaire with a condition and publish it.
    login(administrator)
    page.goto("/staff/surveys/new/")
    page.get_by_label("Название", exact=True).fill("Визит в офис")
    page.get_by_label("Имя в ссылке").fill("vizit")
    page.get_by_role("button", name="Создать").click()
    page.wait_for_load_state()
    add_question(page, "overall", "csat", "Как вас обслужили?")
    add_question(page, "clear", "yes_no", "Вопрос решён?")
    add_question(page, "why", "long_text", "Что осталось нерешённым?", condition=("clear", "no"))
    add_question(page, "recommend", "nps", "Порекомендуете нас знакомым?")
    page.get_by_role("button", name="Опубликовать черновик").click()
    page.wait_for_load_state()
    assert "Опубликована версия 1" in page.content()

    # A person answers online; the conditional question appears only after «Нет».
    visitor = page.context.browser.new_context(base_url=live_server.url, locale="ru-RU")
    person = visitor.new_page()
    person.goto("/surveys/vizit/")
    why = person.locator('fieldset[data-key="why"]')
    assert why.is_hidden()
    assert_accessible(person)
    person.locator('fieldset[data-key="overall"]').get_by_label("2", exact=True).check()
    person.locator('fieldset[data-key="clear"]').get_by_label("Нет").check()
    assert why.is_visible()
    person.get_by_role("button", name="Отправить ответы").click()
    person.wait_for_load_state()
    assert why.locator(".error").inner_text() == "Ответьте, пожалуйста, на этот вопрос."
    person.locator('fieldset[data-key="why"] textarea').fill("Не сказали сроки подключения")
    person.locator('fieldset[data-key="recommend"]').get_by_label("9", exact=True).check()
    person.get_by_role("button", name="Отправить ответы").click()
    person.get_by_test_id("thanks").wait_for()

    # The office tablet answers twice while the network is down, then sends both once.
    tablet = visitor.new_page()
    tablet.goto(f"/surveys/vizit/kiosk/?branch={branch.code}&office=ЦОК Центральный")
    assert_accessible(tablet)
    visitor.set_offline(True)
    for score, nps in (("5", "10"), ("4", "8")):
        tablet.locator('fieldset[data-key="overall"]').get_by_label(score, exact=True).check()
        tablet.locator('fieldset[data-key="clear"]').get_by_label("Да").check()
        tablet.locator('fieldset[data-key="recommend"]').get_by_label(nps, exact=True).check()
        tablet.get_by_role("button", name="Отправить ответы").click()
        tablet.get_by_role("button", name="Начать заново").click()
    assert tablet.locator("[data-kiosk]").get_attribute("data-pending") == "2"
    assert "Ответов ждут отправки: 2" in tablet.locator("[data-kiosk-status]").inner_text()
    assert Response.objects.filter(channel="kiosk").count() == 0
    visitor.set_offline(False)
    tablet.evaluate("window.dispatchEvent(new Event('online'))")
    expect(tablet.locator("[data-kiosk]")).to_have_attribute("data-pending", "0")
    tablet.evaluate("window.dispatchEvent(new Event('online'))")  # a second flush sends nothing
    tablet.wait_for_timeout(500)
    assert Response.objects.filter(channel="kiosk").count() == 2
    visitor.close()

    # Staff type in a paper form.
    page.goto("/staff/surveys/vizit/paper/")
    page.get_by_label("Филиал").select_option(branch.code)
    page.get_by_label("Офис или подразделение").fill("ЦОК Центральный")
    page.get_by_label("Дата заполнения анкеты").fill("2026-11-27")
    page.locator('fieldset[data-key="overall"]').get_by_label("3", exact=True).check()
    page.locator('fieldset[data-key="clear"]').get_by_label("Да").check()
    page.locator('fieldset[data-key="recommend"]').get_by_label("6", exact=True).check()
    page.get_by_role("button", name="Сохранить анкету").click()
    page.wait_for_load_state()
    assert "Бумажная анкета сохранена" in page.content()

    # The analytics count each channel and compute NPS over all four answers.
    page.goto("/staff/surveys/vizit/")
    channels = page.get_by_test_id("channels")
    rows = {
        r.locator("th").inner_text(): r.locator("td").first.inner_text()
        for r in channels.locator("tbody tr").all()
    }
    assert rows == {"На сайте": "1", "Планшет в офисе": "2", "Бумажная анкета": "1"}
    assert page.get_by_test_id("total").inner_text() == "4"
    # NPS: promoters 9, 10 (2); passive 8; detractor 6 → (2 − 1) / 4 = 25
    assert re.fullmatch(r"25[.,]0", page.get_by_test_id("nps").inner_text())
    with page.expect_download() as download:
        page.get_by_role("link", name="ответы, XLSX").click()
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    assert sheet.max_row == 5
