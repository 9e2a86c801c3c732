"""A householder asks, applies and gets connected; an unpaid invoice is annulled with a letter."""

import re

import pytest

from gridportal.capacity.models import CapacityAssessment
from gridportal.connection.models import ConnectionApplication
from gridportal.connection.services import applications as services
from gridportal.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def files(tmp_path, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        },
    }
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(PDF)
    title = tmp_path / "title.pdf"
    title.write_bytes(PDF)
    return {"plan": str(plan), "title": str(title)}


@pytest.fixture
def officer_page(browser, live_server, connection_officer):
    context = browser.new_context(base_url=live_server.url, locale="ru-RU")
    context.set_default_timeout(15000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", connection_officer.username)
    page.fill("#id_password", "correct-horse-battery")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    yield page
    context.close()


def committed_kw(centre_id):
    return CapacityAssessment.objects.get(
        power_centre_id=centre_id, snapshot__isnull=True
    ).committed_kw


def test_from_a_request_intention_to_an_energized_house(
    page, officer_page, home, files, smtp_server, settings, live_server
):
    settings.SITE_URL = live_server.url
    centre = home.substation.feeder.power_centre_id
    before = committed_kw(centre)

    # The householder finds the address and sends a request-intention.
    page.goto("/connection/")
    page.locator("#address-q").press_sequentially("ленина 1", delay=20)
    page.get_by_test_id("address-results").get_by_role("link", name=home.label, exact=True).click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_label("Физическое лицо").check()
    page.get_by_label("Новая мощность, кВт").fill("15")
    page.get_by_label("Ваше имя или название организации").fill("Анна Петрова")
    page.locator("#id_email").fill("anna@example.ru")
    page.get_by_label("Я согласен").check()
    page.get_by_role("button", name="Отправить заявку-намерение").click()
    page.wait_for_load_state()
    assert (
        page.get_by_test_id("category").inner_text()
        == "Физическое лицо, до 15 кВт для бытовых нужд"
    )
    assert "ТП-110" in page.get_by_test_id("candidates").inner_text()
    assert "75\xa0000,00 ₽" in page.get_by_test_id("fee-total").inner_text()
    assert "План расположения" in page.get_by_test_id("documents").inner_text()
    assert_accessible(page)
    start = page.get_by_test_id("start-application").get_attribute("href")
    smtp_server.wait_for(1)

    # The person creates an account, confirms the e-mail and signs in.
    page.goto("/accounts/signup/")
    page.fill("#id_email", "anna@example.ru")
    page.fill("#id_password1", "correct-horse-battery")
    page.fill("#id_password2", "correct-horse-battery")
    page.locator("#id_consent").check()
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()
    letter = smtp_server.wait_for(2)[-1]
    page.goto(re.search(r"http://\S+/accounts/confirm/\S+", letter["body"]).group(0))
    page.goto("/accounts/login/")
    page.fill("#id_username", "anna@example.ru")
    page.fill("#id_password", "correct-horse-battery")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()

    # The full application step by step, prefilled from the request-intention.
    page.goto(start)
    assert page.get_by_label("ФИО или наименование организации").input_value() == "Анна Петрова"
    page.get_by_label("Паспорт (серия, номер, кем и когда выдан) или ОГРН и ИНН").fill(
        "8601 123456, МВД по Республике Карелия, 01.02.2015"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Сохранить и продолжить").click()
    page.wait_for_load_state()
    assert "Шаг 2 из 5" in page.get_by_role("main").inner_text()
    assert home.label in page.get_by_role("main").inner_text()
    page.get_by_label("Кадастровый номер участка").fill("10:01:0100101:55")
    assert_accessible(page)
    page.get_by_role("button", name="Сохранить и продолжить").click()
    page.wait_for_load_state()
    assert page.get_by_label("Новая мощность, кВт").input_value() == "15,0"
    page.get_by_label("Будущий поставщик (гарантирующий поставщик)").fill("АО «ТНС энерго Карелия»")
    assert_accessible(page)
    page.get_by_role("button", name="Сохранить и продолжить").click()
    page.wait_for_load_state()

    # The draft is kept: the person leaves and comes back to the step where they stopped.
    page.goto("/connection/applications/")
    page.get_by_role("link", name="Черновик").click()
    page.wait_for_load_state()
    assert "Шаг 4 из 5" in page.get_by_role("main").inner_text()
    assert "до 15 кВт для бытовых нужд" in page.get_by_test_id("category").inner_text()
    assert "План расположения" in page.get_by_test_id("needed").inner_text()
    page.get_by_label("План расположения энергопринимающих устройств").set_input_files(
        files["plan"]
    )
    assert_accessible(page)
    page.get_by_role("button", name="Сохранить и продолжить").click()
    page.wait_for_load_state()
    review = page.get_by_test_id("review").inner_text()
    assert "Петрова" in review and "plan.pdf" in review and "10:01:0100101:55" in review
    assert_accessible(page)
    page.get_by_label("Я согласен").check()
    page.get_by_role("button", name="Отправить заявку").click()
    page.wait_for_load_state()
    application = ConnectionApplication.objects.get()
    assert application.number in page.get_by_role("heading", level=1).inner_text()
    assert "Заявка получена и зарегистрирована" in page.get_by_test_id("timeline").inner_text()
    assert_accessible(page)

    # Staff find it in the queue and ask for the title document: the clock stops.
    officer_page.goto("/staff/connection/")
    officer_page.get_by_role("link", name=application.number).click()
    officer_page.wait_for_load_state()
    assert_accessible(officer_page)
    officer_page.get_by_label("Чего не хватает (это увидит заявитель)").fill(
        "Приложите правоустанавливающий документ на участок."
    )
    officer_page.get_by_role("button", name="Запросить недостающие документы").click()
    officer_page.wait_for_load_state()

    page.reload()
    assert page.get_by_test_id("paused").is_visible()
    assert "правоустанавливающий документ" in page.get_by_test_id("events").inner_text()
    page.get_by_label("Документ", exact=True).set_input_files(files["title"])
    page.get_by_label("Что это за документ").select_option("title")
    assert_accessible(page)
    page.get_by_role("button", name="Отправить", exact=True).click()
    page.wait_for_load_state()
    assert not page.get_by_test_id("paused").count()

    # Staff issue the conditions: the power is committed on the load map at once.
    officer_page.reload()
    officer_page.get_by_label("Плата, ₽").fill("75000")
    officer_page.get_by_role("button", name="Выдать").click()
    officer_page.wait_for_load_state()
    assert committed_kw(centre) == before + 15
    officer_page.goto(f"/capacity/centres/{centre}/")
    assert_accessible(officer_page)
    officer_page.goto(f"/staff/connection/applications/{application.number}/")
    officer_page.get_by_role("button", name="Отметить оплату").click()
    officer_page.wait_for_load_state()

    # After payment the two sides' works run side by side: the customer's part first here.
    page.reload()
    assert "уведомление о выполнении ТУ" in page.get_by_test_id("next-action").inner_text()
    page.get_by_label("Что сделано (необязательно)").fill("Вводной щит и кабель смонтированы.")
    page.get_by_label("Уведомление или фотографии работ файлом (необязательно)").set_input_files(
        files["title"]
    )
    assert_accessible(page)
    page.get_by_role("button", name="Отправить уведомление о выполнении ТУ").click()
    page.wait_for_load_state()
    assert "мы завершаем свои мероприятия" in page.get_by_test_id("next-action").inner_text()

    # Staff finish their works, inspect, issue the act (a PDF) and energize.
    officer_page.reload()
    assert "уведомление о выполнении ТУ" in officer_page.get_by_test_id("readiness").inner_text()
    officer_page.get_by_role("button", name="Мероприятия сетевой организации выполнены").click()
    officer_page.wait_for_load_state()
    assert "ожидается осмотр" in officer_page.get_by_test_id("stage").inner_text()
    assert_accessible(officer_page)
    officer_page.get_by_label("Результат осмотра (это увидит заявитель)").fill("Замечаний нет.")
    officer_page.get_by_role("button", name="Отметить осмотр").click()
    officer_page.wait_for_load_state()
    officer_page.get_by_role("button", name="Выдать акт о присоединении").click()
    officer_page.wait_for_load_state()
    assert_accessible(officer_page)
    officer_page.get_by_role("button", name="Напряжение подано: присоединение выполнено").click()
    officer_page.wait_for_load_state()
    assert "Присоединено" in officer_page.get_by_test_id("stage").inner_text()

    # The timeline shows every stage done, with its date, and the documents to download.
    page.reload()
    timeline = page.get_by_test_id("timeline").inner_text()
    assert len(re.findall(r"выполнено \d\d\.\d\d\.\d{4}", timeline)) == 9
    for stage in (
        "Мероприятия сетевой организации",
        "Мероприятия заявителя: уведомление о выполнении ТУ",
        "Осмотр (проверка выполнения ТУ)",
        "Акт о присоединении выдан",
        "Напряжение подано: присоединение выполнено",
    ):
        assert stage in timeline
    assert "Ничего: присоединение выполнено" in page.get_by_test_id("next-action").inner_text()
    assert "Замечаний нет." in page.get_by_test_id("events").inner_text()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_test_id("timeline").get_by_role(
            "link", name="Акт об осуществлении технологического присоединения (PDF)"
        ).click()
    with open(download.value.path(), "rb") as act:
        assert act.read(5) == b"%PDF-"
    for name in ("Договор об осуществлении технологического присоединения (PDF)", "Счёт (PDF)"):
        assert page.get_by_test_id("timeline").get_by_role("link", name=name).is_visible()
    subjects = [m["subject"] for m in smtp_server.wait_for(12)]
    assert sum(application.number in s for s in subjects) == 10


def test_an_unpaid_invoice_is_annulled_on_time_with_a_letter(
    page, home, files, customer, connection_officer, smtp_server, login
):

    from gridportal.core.intake import Origin
    from gridportal.core.uploads import upload_accept

    a = services.application_draft_save(
        customer=customer,
        data={
            "address": home,
            "applicant_kind": "individual",
            "applicant_name": "Иванова Мария",
            "identity": "8601 654321",
            "object_kind": "house",
            "reason": "new",
            "power_new_kw": 15,
            "voltage": "0.4",
            "reliability": "3",
            "supplier": "АО «ТНС энерго Карелия»",
        },
        documents=[("location_plan", upload_accept(name="plan.pdf", content=PDF, kinds=("pdf",)))],
    )
    a = services.application_submit(application=a, origin=Origin(channel="web"), consent=True)
    services.application_offer_issue(
        application=a,
        actor=connection_officer,
        power_centre_id=home.substation.feeder.power_centre_id,
        substation_name="ТП-110",
        fee_total=75000,
    )
    a.refresh_from_db()
    import datetime as dt

    from gridportal.connection.tasks import annul_unpaid_applications

    assert services.applications_annul_unpaid(today=a.payment_due) == 0
    ConnectionApplication.objects.filter(pk=a.pk).update(
        payment_due=a.payment_due - dt.timedelta(days=30)
    )
    assert annul_unpaid_applications.delay().get() == 1
    assert annul_unpaid_applications.delay().get() == 0  # idempotent
    letters = [m for m in smtp_server.wait_for(3) if "Аннулирована" in m["subject"]]
    assert len(letters) == 1 and "аннулирована" in letters[0]["body"]
    login(customer)
    page.goto(f"/connection/applications/{a.number}/")
    assert "Аннулирована" in page.get_by_role("main").inner_text()
    assert_accessible(page)
