"""What a person sees on the documents pages: our own words, and a phone layout without gaps."""

import pytest
from django.urls import reverse

from gridportal.testing.browser import assert_accessible
from gridportal.testing.catalogue import shadowed_translations


@pytest.mark.django_db
def test_the_document_page_says_summary_and_editions_in_russian(client, rules_861, editor):
    from .test_services import _new_version

    new = _new_version(rules_861, actor=editor, publish=True)
    text = client.get(new.get_absolute_url()).content.decode()
    assert "<h2>Краткое содержание</h2>" in text
    assert "<h2>Редакции</h2>" in text
    assert "Краткая статистика" not in text and "Версии" not in text


def test_every_russian_word_of_the_app_is_the_one_pages_show():
    assert shadowed_translations("disclosure") == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_filters_sit_close_and_the_results_come_first(
    browser, live_server, rules_861
):
    context = browser.new_context(
        base_url=live_server.url, locale="ru-RU", viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    page.goto(reverse("disclosure:documents") + "?q=присоединение")
    boxes = [page.locator(f"#id_{name}").bounding_box() for name in ("kind", "status", "topic")]
    gaps = [
        below["y"] - (above["y"] + above["height"])
        for above, below in zip(boxes, boxes[1:], strict=False)
    ]
    assert all(gap < 48 for gap in gaps), gaps  # a label's height, not a third of the screen
    results = page.get_by_test_id("documents").bounding_box()
    headings = page.get_by_role("navigation", name="Разделы").bounding_box()
    assert results["y"] < headings["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    context.close()


def test_a_period_is_named_as_a_reader_says_it():
    from django.utils import translation

    from gridportal.disclosure.periods import period_label

    with translation.override("ru"):
        labels = [period_label(c) for c in ("2026-Q4", "2026-H1", "2026-11", "2026")]
        assert labels == ["4 квартал 2026", "1 полугодие 2026", "Ноябрь 2026", "2026"]
    with translation.override("en"):
        assert period_label("2026-Q4") == "Q4 2026"
        assert period_label("2026-11") == "November 2026"


@pytest.mark.django_db
def test_the_disclosure_page_shows_no_period_codes(client, free_capacity_item):
    from gridportal.disclosure.models import Publication

    Publication.objects.create(item=free_capacity_item, period="2026-Q4", url="/capacity/")
    text = client.get(reverse("disclosure:disclosure")).content.decode()
    assert "4 квартал 2026" in text
    assert "2026-Q4" not in text


@pytest.mark.django_db
def test_the_guides_say_outage_not_emergency(client):
    """The glossary: an «авария» is a grave class of outage, not every one of them."""
    from django.core.management import call_command

    call_command("seed_disclosure_demo", "--if-empty", verbosity=0)
    text = client.get(reverse("disclosure:guides")).content.decode()
    assert "Отключения электроснабжения: что делать" in text
    assert "авари" not in text.lower()


@pytest.mark.django_db
def test_the_disclosure_page_leads_to_the_figures_on_the_portal(client, free_capacity_item):
    text = client.get(reverse("disclosure:disclosure")).content.decode()
    see_also = text[text.index('data-testid="see-also"') :]
    assert f'href="{reverse("reliability:index")}">Надёжность электроснабжения' in see_also
    assert f'href="{reverse("capacity:map")}">Свободная мощность' in see_also
    assert f'href="{reverse("disclosure:documents")}"' in see_also
