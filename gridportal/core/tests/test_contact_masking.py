"""Contacts typed into free text are hidden on public pages (mask_contacts), in every spelling."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridportal.core.contacts import mask_contacts


@pytest.mark.parametrize(
    "text",
    [
        "8.900.123.45.67",
        "8/900/123/45/67",
        "+7 (900) 123-45-67",
        "8(900)1234567",
        "+7 900 123 4567",
        "79001234567",
        "900.123.45.67",
        "8 (900) 123.45.67",
        "звоните: 8-900-123-45-67, вечером",
        "дом 5. 8.900.123.45.67",
        "тел. 2-34-56",
    ],
)
def test_phone_numbers_in_every_grouping_are_masked(text):
    masked = mask_contacts(text)
    assert "…" in masked
    assert not re.search(r"\d", masked.removeprefix("дом 5.")), masked


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("пишите ivan＠mail.ru", "ivan"),
        ("пишите ivan﹫mail.ru", "ivan"),
        ("пишите ivan at mail dot ru", "ivan"),
        ("пишите IVAN AT MAIL DOT RU", "IVAN"),
        ("пишите ivan (at) mail (dot) ru", "ivan"),
        ("пишите ivan [at] mail [dot] ru", "ivan"),
        ("пишите ivan собака mail.ru", "ivan"),
        ("пишите ivan собака mail точка ru", "ivan"),
        ("пишите ivan @ mail.ru", "ivan"),
        ("пишите anna.petrova+grid@mail.example.ru", "anna"),
    ],
)
def test_email_addresses_in_every_spelling_are_masked(text, hidden):
    masked = mask_contacts(text)
    assert hidden not in masked
    assert masked == "пишите …"


@pytest.mark.parametrize(
    "text",
    [
        "Ленина 12, ТП-123, с 14:05, 26.11.2026",
        "с 26.11.2026-27.11.2026 плановые работы",
        "отключение 26/11/2026 с 10.00 до 18.00",
        "моя собака лает. Потом",
        "с моей точки зрения",
        "кв. 45, подъезд 2",
    ],
)
def test_ordinary_text_with_numbers_dates_and_words_is_kept(text):
    assert mask_contacts(text) == text


# --- property: a phone written in any of these ways, anywhere in text, is hidden ----------

_prefixes = st.sampled_from(["", "8", "+7", "7", "+ 7"])
_separators = st.sampled_from(["", " ", "-", ".", "/", " - ", "\u2013", "\u00a0"])
_groupings = st.sampled_from([(3, 2, 2), (3, 4), (7,)])
# Words around the number: letters, spaces and punctuation that does not belong to a number.
_words = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщэюяABCxyz ,;:!?«»", max_size=30)


@st.composite
def phones(draw):
    digits = draw(st.lists(st.sampled_from("0123456789"), min_size=10, max_size=10))
    area, rest = "".join(digits[:3]), "".join(digits[3:])
    if draw(st.booleans()):
        area = "(" + area + ")"
    groups, position = [], 0
    for size in draw(_groupings):
        groups.append(rest[position : position + size])
        position += size
    text = draw(_prefixes)
    if text:
        text += draw(_separators)
    text += area
    for group in groups:
        text += draw(_separators) + group
    return text


@given(before=_words, phone=phones(), after=_words)
def test_any_phone_in_those_formats_inside_random_text_is_masked(before, phone, after):
    masked = mask_contacts(f"{before} {phone} {after}")
    assert not re.search(r"\d", masked), (phone, masked)
    assert "…" in masked
