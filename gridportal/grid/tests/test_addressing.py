from hypothesis import given
from hypothesis import strategies as st

from gridportal.grid.addressing import fold, house_key, parse_query, tokenize


def test_abbreviations_and_type_words_are_dropped():
    assert tokenize("г. Петрозаводск, ул. Ленина, д. 5") == ["петрозаводск", "ленина", "5"]
    assert tokenize("город Петрозаводск улица Ленина дом 5") == ["петрозаводск", "ленина", "5"]


def test_yo_and_case_do_not_matter():
    assert fold("Зелёная УЛИЦА") == "зеленая улица"


def test_a_house_number_glued_to_its_abbreviation_is_split():
    assert tokenize("Ленина д.5") == ["ленина", "5"]


def test_house_numbers_are_canonical():
    assert house_key("12 А") == "12а"
    assert house_key("5 корп. 1") == "5к1"
    assert house_key("5к1") == "5к1"
    assert house_key("7 стр. 2") == "7с2"


def test_words_and_houses_are_told_apart_in_any_order():
    query = parse_query("5 ленина петрозаводск")
    assert query.words == ("ленина", "петрозаводск")
    assert query.houses == ("5",)


@given(st.text(max_size=80))
def test_parsing_never_fails_on_any_input(text):
    query = parse_query(text)
    assert all(word == word.lower() for word in query.words)


def test_street_ordinals_are_words_not_houses():
    query = parse_query("2-я Береговая 85")
    assert query.words == ("2я", "береговая")
    assert query.houses == ("85",)
    assert parse_query("2я береговая").words == parse_query("2-ая Береговая").words
