"""The lessons' pages use the learn app's own words, not another app's translation of them."""

import pytest
from django.urls import reverse

from gridportal.testing.catalogue import shadowed_translations


def test_every_russian_word_of_the_app_is_the_one_pages_show():
    assert shadowed_translations("learn") == []


@pytest.mark.django_db
def test_the_breadcrumbs_are_named_for_a_screen_reader_in_russian(client):
    from django.core.management import call_command

    call_command("seed_learn_demo", "--if-empty", verbosity=0)
    text = client.get(reverse("learn:lesson", args=["doma"])).content.decode()
    assert 'aria-label="Навигационная цепочка"' in text  # it read «Хлебные крошки»


@pytest.mark.django_db
def test_the_calculator_groups_thousands_of_roubles_and_watts(client, learn_demo):
    """2 heaters × 2 000 W × 10 h × 30 = 1 200 kWh × 6,00 = 7 200,00 RUB."""
    from gridportal.learn.models import Appliance, Tariff

    Tariff.objects.create(
        region="testland",
        region_name="Тестовая область",
        year=2020,
        half=1,
        kind="single",
        rates={"all_day": "6.00"},
        source="test",
    )
    heater = Appliance.objects.filter(power_w__gte=2000).order_by("power_w").first()
    params = {"region": "testland", "kind": "single", f"n_{heater.slug}": 2, f"h_{heater.slug}": 10}
    page = client.get(reverse("learn:energy"), params).content.decode()
    kwh = 2 * heater.power_w * 10 * 30 / 1000
    cost = f"{kwh * 6:,.2f}".replace(",", "\xa0").replace(".", ",")
    assert cost in page, cost  # «7 200,00», not «7200,00»
    watts = f"{heater.power_w:,.0f}".replace(",", "\xa0")
    assert f"{watts}\xa0Вт" in page or f"{watts} Вт" in page
