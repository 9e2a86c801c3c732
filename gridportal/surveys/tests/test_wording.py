"""What an analyst reads on the analytics page: the month by name under the right headings,
filters that say what an empty choice means, and the surveys' own words."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from gridportal.surveys.models import Survey
from gridportal.testing.catalogue import shadowed_translations

from .test_staff import answer, editor  # noqa: F401 (editor is a fixture)


@pytest.mark.django_db
def test_the_month_table_names_the_month_and_its_csat(client, officer, questionnaire, branch):
    answer(questionnaire, branch, 5)
    answer(questionnaire, branch, 2)
    client.force_login(officer)
    html = client.get(reverse("staff:surveys:analytics", args=["office"])).content.decode()
    table = html[html.index("<caption>CSAT по месяцам, %</caption>") :]
    table = table[: table.index("</table>")]
    assert '<th scope="col">Месяц</th><th scope="col">CSAT, %</th></tr>' in table
    assert "Количество" not in table and "Доля" not in table  # the answers' headings
    month = date_format(timezone.localdate(), "F Y")  # «Ноябрь 2026», not «2026-11»
    assert f"<td>{month}</td><td>50,0</td>" in table
    assert not re.search(r"<td>\d{4}-\d{2}</td>", table)


@pytest.mark.django_db
def test_the_filters_say_from_and_all_branches(client, officer, questionnaire):
    client.force_login(officer)
    html = client.get(reverse("staff:surveys:analytics", args=["office"])).content.decode()
    assert '<label for="id_date_from">С</label>' in html  # it read «Откуда»
    assert "Все филиалы" in html and "Все РЭС" in html
    assert "---------" not in html


def test_every_russian_word_of_the_app_is_the_one_pages_show():
    assert shadowed_translations("surveys") == []


@pytest.mark.django_db
def test_staff_write_the_introduction_in_english_too(client, editor):  # noqa: F811
    client.force_login(editor)
    response = client.post(
        reverse("staff:surveys:new"),
        {
            "title": "Как мы работаем",
            "title_en": "How do we work",
            "slug": "kak-my-rabotaem",
            "intro": "Ответьте на три вопроса.",
            "intro_en": "Answer three questions.",
        },
    )
    assert response.status_code == 302
    survey = Survey.objects.get(slug="kak-my-rabotaem")
    assert survey.intro_en == "Answer three questions."


def test_the_demo_questionnaires_have_an_english_introduction():
    from gridportal.surveys.demo import AFTER_SERVICE, SERVICE_QUALITY

    assert all(spec["intro_en"] for spec in (SERVICE_QUALITY, AFTER_SERVICE))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_the_office_tablet_every_answer_is_big_enough_for_a_finger(
    browser, live_server, questionnaire
):
    context = browser.new_context(
        base_url=live_server.url, locale="ru-RU", viewport={"width": 800, "height": 1280}
    )
    page = context.new_page()
    page.goto(reverse("surveys:kiosk", args=[questionnaire.slug]))
    options = page.locator(".sv-option")
    assert options.count() > 0
    for box in (options.nth(i).bounding_box() for i in range(options.count())):
        assert box["width"] >= 44 and box["height"] >= 44, box
    context.close()


@pytest.mark.django_db
def test_counts_of_responses_have_thousands_separators(client, officer, questionnaire, branch):
    """Bulk rows stand for a year of paper forms typed in: only their number matters here."""
    import uuid

    from gridportal.surveys.models import Response

    first = answer(questionnaire, branch, 5)
    Response.objects.bulk_create(
        Response(
            version=first.version,
            client_id=uuid.uuid4(),
            channel="paper",
            branch=branch,
            answered_at=first.answered_at,
        )
        for _ in range(1233)
    )
    client.force_login(officer)
    html = client.get(reverse("staff:surveys:analytics", args=["office"])).content.decode()
    assert 'data-testid="total">1\xa0234<' in html
    channels = html[html.index('data-testid="channels"') :]
    assert "<td>1\xa0233</td>" in channels[: channels.index("</table>")]
