"""What a Russian reader sees on the reliability page: the locale's numbers and our own words."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from gridportal.testing.catalogue import shadowed_translations

from .conftest import build_network
from .test_pages import interruption

pytestmark = pytest.mark.django_db


def test_counts_have_thousands_separators_and_the_chart_a_decimal_comma(client, branch):
    today = timezone.localdate()
    this_month = timezone.make_aware(dt.datetime(today.year, today.month, 1, 3, 0))
    network = build_network(branch, customers=(1000, 2000, 3000))  # 24 000 accounts
    interruption(network, network.substations[:1], started=this_month, hours=1, key="a")
    text = client.get(reverse("reliability:index")).content.decode()
    assert "Лицевых счетов потребителей: 24\xa0000." in text
    table = text[text.index('data-testid="districts-') :]
    assert '<td class="num">24\xa0000</td>' in table
    assert "SAIFI за год" in table  # the last column is the year's, not a month's
    assert "<caption>Показатели по месяцам</caption>" in text  # not the chart's «Минут без…»
    ticks = re.findall(r'<text x="2" y="[\d.]+">([^<]+)</text>', text)
    assert ticks and all("." not in t for t in ticks), ticks
    assert any("," in t for t in ticks), ticks


def test_every_russian_word_of_the_app_is_the_one_pages_show():
    assert shadowed_translations("reliability") == []


@pytest.mark.parametrize(
    ("year", "message"),
    [("1999", "Выберите год начиная с 2000-го."), ("abc", "Введите год четырьмя цифрами")],
)
def test_a_bad_year_is_explained_in_plain_words(client, db, year, message):
    response = client.get(reverse("reliability:index"), {"year": year})
    assert response.status_code == 400
    text = response.content.decode()
    assert message in text
    assert "Убедитесь, что это значение" not in text and "Введите целое число" not in text


def test_a_year_before_the_archive_says_there_is_no_data_not_zero(client, branch):
    today = timezone.localdate()
    network = build_network(branch)
    start = timezone.make_aware(dt.datetime(today.year, 1, 10, 3, 0))
    interruption(network, network.substations[:1], started=start, hours=1, key="a")
    response = client.get(reverse("reliability:index"), {"year": today.year - 3})
    text = response.content.decode()
    assert response.status_code == 200
    assert (
        f"Архив отключений начинается с {today.year} года: за {today.year - 3} год данных нет."
        in text
    )
    assert 'data-testid="districts-' not in text  # no table of zeros


def test_the_console_says_mass_outages_not_grave_accidents(client, officer, network):
    """The glossary keeps «авария» for a grave class of outage; a major event day of IEEE 1366
    is a day of mass outages."""
    client.force_login(officer)
    text = client.get(reverse("staff:reliability:dashboard")).content.decode()
    assert "Дни массовых отключений" in text
    assert "авари" not in text.lower()
