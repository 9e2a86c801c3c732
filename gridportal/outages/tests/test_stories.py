"""Issue #10 as people live it: one browser story per defect of the hotline side.

Each would fail on the code before the issue (the story names what it saw then).
"""

import datetime as dt

import pytest
from django.utils import timezone

from gridportal.outages import services
from gridportal.outages.choices import Cause
from gridportal.outages.models import Incident, OutageReport, PlannedOutage
from gridportal.testing.browser import assert_accessible

from .factories import report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _outage(network, officer, index=0, etr_hours=3):
    tp = network.substations[index]
    report(network.addresses_of(tp)[0])
    report(network.addresses_of(tp)[1])
    incident = Incident.objects.filter(status="predicted").order_by("-pk").first()
    incident = services.incident_confirm(incident=incident, actor=officer)
    return services.incident_update(
        incident=incident,
        actor=officer,
        cause=Cause.WEATHER,
        etr=timezone.now() + dt.timedelta(hours=etr_hours),
    )


def _planned(branch, substation, reason, days=1):
    start = (timezone.now() + dt.timedelta(days=days)).replace(
        hour=7, minute=0, second=0, microsecond=0
    )
    work = PlannedOutage.objects.create(
        branch=branch, starts_at=start, ends_at=start + dt.timedelta(hours=2), reason=reason
    )
    work.substations.add(substation)
    return work


@pytest.fixture
def dispatcher(browser, live_server, officer):
    context = browser.new_context(base_url=live_server.url, locale="ru-RU")
    context.set_default_timeout(15000)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("#id_username", officer.username)
    page.fill("#id_password", "correct-horse-battery")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    yield page
    context.close()


def test_1_the_home_search_leads_to_the_address_page_with_the_outage(page, network, officer):
    """Before: the search showed «… питается от ТП-…» and nothing else, while the house was out."""
    incident = _outage(network, officer)
    home = network.addresses_of(network.substations[0])[0]
    page.goto("/")
    page.locator("#address-q").press_sequentially(f"Ленина {home.house}", delay=20)
    page.get_by_test_id("address-results").get_by_role("link", name=home.label, exact=True).click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/addresses/{home.pk}/")
    panel = page.get_by_test_id("panel-outage")
    assert "технологическое нарушение" in panel.inner_text()
    assert (
        timezone.localtime(incident.etr).strftime("%H:%M")
        in page.get_by_test_id("etr").inner_text()
    )
    assert page.get_by_test_id("state-substation").inner_text().startswith("Нет электроснабжения")
    assert panel.get_by_role("link", name="Получать уведомления по e-mail или SMS").is_visible()
    assert_accessible(page)


def test_2_the_chosen_region_filters_planned_work_and_all_regions_is_one_click(
    page, network, other_network
):
    """Before: with a region chosen, /outages/planned/ still listed every branch."""
    _planned(network.branch, network.substations[0], "Замена опор в Карелии")
    _planned(other_network.branch, other_network.substations[0], "Ремонт ТП в Пскове")
    page.goto("/outages/planned/")
    page.get_by_test_id("menu-toggle").wait_for(state="attached")
    page.select_option("#branch-select", "pskov")
    page.get_by_role("button", name="Выбрать").click()
    page.wait_for_load_state()
    table = page.get_by_test_id("planned")
    assert "Ремонт ТП в Пскове" in table.inner_text()
    assert "Замена опор в Карелии" not in table.inner_text()
    assert_accessible(page)
    page.get_by_test_id("all-regions").click()
    page.wait_for_load_state()
    text = page.get_by_test_id("planned").inner_text()
    assert "Ремонт ТП в Пскове" in text and "Замена опор в Карелии" in text


def test_4_planned_work_names_its_streets_and_is_found_by_street(page, network):
    """Before: «Где: Карельский филиал» and «7 декабря 10:00 – 7 декабря 12:00»."""
    _planned(network.branch, network.substations[0], "Замена опор")
    page.goto("/outages/planned/")
    page.get_by_label("Населённый пункт или улица").fill("Ленина")
    page.get_by_role("button", name="Показать").click()
    page.wait_for_load_state()
    row = page.get_by_test_id("planned")
    assert "г. Петрозаводск: ул. Ленина, д. 1, 2" in row.inner_text()
    assert "10:00–12:00" in row.inner_text()
    assert_accessible(page)


def test_7_and_8_the_dispatcher_confirms_sees_one_truth_assigns_a_crew_and_undoes(
    dispatcher, network, officer
):
    """Before: «подтверждено, бригады работают» beside «Бригада ещё не назначена»; no undo."""
    from gridportal.outages.models import Crew

    Crew.objects.create(
        branch=network.branch, name="ОВБ-3", leader="Петров И. С.", phone="+79110001122"
    )
    tp = network.substations[0]
    report(network.addresses_of(tp)[0])
    report(network.addresses_of(tp)[1])
    incident = Incident.objects.get()
    page = dispatcher
    page.goto("/staff/outages/")
    page.locator(f"tr[data-incident='{incident.pk}']").get_by_role(
        "button", name="Подтвердить"
    ).click()
    page.wait_for_load_state()
    page.goto(f"/staff/outages/incidents/{incident.pk}/")
    status = page.get_by_test_id("incident-status").inner_text()
    assert status == "Технологическое нарушение подтверждено, бригада ещё не назначена"
    page.get_by_label("Назначенная бригада").select_option(label="ОВБ-3 (Петров И. С.)")
    page.get_by_role("button", name="Назначить").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("incident-status").inner_text().endswith("бригада выехала")
    assert "Петров И. С." in page.get_by_test_id("assigned-crew").inner_text()
    assert_accessible(page)
    # The element by its dispatch name, not a database id.
    page.get_by_label("Уровень").select_option("substation")
    chooser = page.get_by_label("Диспетчерское наименование")
    target = network.substations[1].name
    chooser.press_sequentially(target[:4], delay=30)  # the typeahead offers the branch's names
    page.locator(f"#element-names option[value='{target}']").wait_for(state="attached")
    chooser.fill(target)
    page.get_by_role("button", name="Перенести", exact=True).click()
    page.wait_for_load_state()
    incident.refresh_from_db()
    assert incident.substation == network.substations[1]
    # Restoration asks what was done; a slip is undone from the board.
    page.goto("/staff/outages/")
    row = page.locator(f"tr[data-incident='{incident.pk}']")
    row.get_by_text("Электроснабжение восстановлено…").click()
    row.get_by_label("Что сделано").fill("Заменён предохранитель")
    row.get_by_role("button", name="Подтвердить восстановление").click()
    page.wait_for_load_state()
    incident.refresh_from_db()
    assert incident.status == "restored"
    page.get_by_test_id("recent-decisions").get_by_role("button").click()
    page.wait_for_load_state()
    incident.refresh_from_db()
    assert incident.status == "confirmed"
    assert_accessible(page)


def test_8_the_call_taker_reads_out_the_live_outage(dispatcher, network, officer):
    """Before: the call form for an address inside a live outage showed nothing of it."""
    incident = _outage(network, officer)
    home = network.addresses_of(network.substations[0])[1]
    dispatcher.goto(f"/staff/outages/calls/new/?address={home.pk}")
    live = dispatcher.get_by_test_id("call-live-outage")
    assert timezone.localtime(incident.etr).strftime("%H:%M") in live.inner_text()
    assert "Ориентировочное время восстановления" in live.inner_text()
    assert_accessible(dispatcher)


def test_9_moving_the_etr_to_now_before_restoring_does_not_improve_the_figure(
    page, network, officer
):
    """Before: /outages/ showed 100 % «met» for every outage restored this way."""
    incident = _outage(network, officer, etr_hours=2)
    start = incident.started_at
    restore_at = start + dt.timedelta(hours=5)
    services.incident_update(
        incident=incident,
        actor=officer,
        etr=restore_at + dt.timedelta(seconds=1),
        now=restore_at - dt.timedelta(seconds=2),
    )
    services.incident_restore(incident=incident, actor=officer, now=restore_at)
    page.goto("/outages/")
    summary = page.get_by_test_id("branch-summary")
    assert summary.get_by_test_id("etr-first").inner_text() == "0 %"
    page.get_by_role("link", name="Как мы измеряем").click()
    page.wait_for_load_state()
    table = page.get_by_test_id("etr-accuracy")
    assert table.locator("[data-measure=first]").first.inner_text().startswith("0 %")
    assert table.locator("[data-measure=final]").first.inner_text().startswith("100 %")
    assert_accessible(page)


def test_map_has_a_legend_an_update_time_and_planned_work_in_its_own_colour(page, network, officer):
    _outage(network, officer)
    _planned(network.branch, network.substations[3], "Ревизия ТП")
    page.goto("/outages/")
    assert "Технологическое нарушение" in page.get_by_test_id("map-legend").inner_text()
    assert page.get_by_test_id("updated-at").inner_text().startswith("Обновлено ")
    page.locator("#outage-map[data-loaded='1'][data-planned-loaded='1']").wait_for(state="attached")
    assert_accessible(page)


def test_11_a_fallen_tree_reported_on_the_web_with_a_call_back_request(page, network):
    """Before: no «tree» hazard on the web form, and the phone «to call back» queued nothing."""
    home = network.addresses[0]
    page.goto(f"/outages/report/?address={home.pk}")
    page.get_by_label("Дерево на линии").check()
    page.fill("#id_phone", "+7 911 400-00-02")
    page.get_by_label("Перезвоните мне").check()
    page.check("#id_consent")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("report-number").is_visible()
    saved = OutageReport.objects.get()
    assert saved.urgent and saved.callback_status == "pending"
    assert_accessible(page)


FORBIDDEN = [
    "Авария",
    "Свет дадут к",
    "Прогноз восстановления",
    "Ожидаемое восстановление",
    "Восстановить к",
    "Электроэнергия для дома",
    "Свет дали везде",
    " в 30 ноября",
]


def test_12_the_hotline_speaks_the_glossary(page, network, officer):
    incident = _outage(network, officer)
    home = network.addresses_of(network.substations[0])[0]
    for path in (
        "/",
        "/outages/",
        f"/outages/status/?address={home.pk}",
        "/outages/planned/",
        f"/outages/incidents/{incident.pk}/",
        f"/addresses/{home.pk}/",
    ):
        page.goto(path)
        text = page.locator("body").inner_text()
        for word in FORBIDDEN:
            assert word not in text, (path, word)
        if path.startswith("/outages/"):
            assert "«Включаем свет»" in text, path


def test_counts_read_as_a_russian_writes_them(page, dispatcher, network, officer):
    """Before: «12345» customers without power on /outages/, the incident page and the board."""
    from django.core.cache import cache

    incident = _outage(network, officer)
    Incident.objects.filter(pk=incident.pk).update(customers_out=12345, customers_affected=12345)
    cache.clear()  # the published snapshot is rebuilt from the rows
    page.goto("/outages/")
    summary = page.get_by_test_id("branch-summary").inner_text()
    assert "12\xa0345" in summary  # a non-breaking space: the number never splits across lines
    page.goto(f"/outages/incidents/{incident.pk}/")
    assert "12\xa0345" in page.locator("main").inner_text()
    assert_accessible(page)
    home = network.addresses_of(network.substations[0])[0]
    page.goto(f"/outages/status/?address={home.pk}")
    assert "12\xa0345" in page.get_by_test_id("status-answer").inner_text()
    assert_accessible(page)
    dispatcher.goto("/staff/outages/")
    row = dispatcher.locator(f"tr[data-incident='{incident.pk}']")
    assert "12\xa0345" in row.inner_text()
    assert_accessible(dispatcher)
    dispatcher.goto(f"/staff/outages/incidents/{incident.pk}/")
    assert "12\xa0345" in dispatcher.locator("main").inner_text()
    for path in ("/staff/outages/archive/", "/staff/outages/planned/"):
        dispatcher.goto(path)
        assert_accessible(dispatcher)


def test_the_dispatcher_corrects_a_special_needs_entry_and_erases_it_when_consent_is_withdrawn(
    dispatcher, network, officer
):
    """Before: an entry could be added but never corrected, and withdrawing consent kept it."""
    from gridportal.accounts.services import consent_record
    from gridportal.outages.models import SpecialNeedsCustomer

    SpecialNeedsCustomer.objects.create(
        branch=network.branch,
        address=network.addresses[0],
        name="Смирнова Анна Петровна",
        phone="+79112223344",
        need="medical",
        consent=consent_record(purpose="outages.special_needs", contact="+79112223344"),
        created_by=officer,
    )
    page = dispatcher
    page.goto("/staff/outages/special-needs/")
    page.get_by_role("link", name="Изменить или исключить: Смирнова Анна Петровна").click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_label("Телефон").fill("+7 911 555-66-77")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_load_state()
    assert "+79115556677" in page.get_by_test_id("special-needs").inner_text()
    page.get_by_role("link", name="Изменить или исключить: Смирнова Анна Петровна").click()
    page.get_by_text("Согласие отозвано — исключить из реестра…").click()
    page.get_by_role("button", name="Исключить и удалить данные").click()
    page.wait_for_load_state()
    assert "данные о здоровье удалены" in page.locator("body").inner_text()
    assert "Смирнова" not in page.get_by_test_id("special-needs").inner_text()
    assert not SpecialNeedsCustomer.objects.exists()
    assert_accessible(page)
