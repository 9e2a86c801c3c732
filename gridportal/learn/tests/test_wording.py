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
