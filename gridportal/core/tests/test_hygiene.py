"""The one rule for a person's text (core/hygiene.py), without a request."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from gridportal.core.hygiene import text_problem, validate_plain_text

CONTROL = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + ["\x7f"]


@pytest.mark.parametrize("char", CONTROL + ["\ud800", "\udfff", "\ufffe", "\uffff"])
def test_control_characters_and_non_characters_are_a_problem(char):
    assert text_problem(f"нет{char}света")
    with pytest.raises(ValidationError):
        validate_plain_text(f"нет{char}света")


def test_tab_line_breaks_and_ordinary_unicode_are_fine():
    assert not text_problem("Нет света\r\nс утра,\tкв. 5 — «срочно» ⚡ 𝔸")
    validate_plain_text("Нет света\r\nс утра")
    validate_plain_text(None)


@given(st.text(alphabet=st.characters(blacklist_categories=["Cc", "Cs"])))
def test_text_without_controls_or_surrogates_is_never_a_problem_unless_a_non_character(text):
    assert text_problem(text) == any(c in "\ufffe\uffff" for c in text)
