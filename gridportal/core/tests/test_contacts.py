"""The one phone and e-mail normaliser every intake uses. No database."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridportal.core.contacts import contact_key, email_normalize, phone_normalize
from gridportal.core.exceptions import ApplicationError


@pytest.mark.parametrize(
    "raw",
    [
        "+7 912 345-67-89",
        "8 912 345 67 89",
        "89123456789",
        "+7(912)3456789",
        " 9123456789 ",
        "8-912-345-67-89",
        "8.912.345.67.89",
    ],
)
def test_it_writes_russian_numbers_as_people_type_them_in_e164(raw):
    assert phone_normalize(raw) == "+79123456789"
    assert phone_normalize(raw, mobile_only=True) == "+79123456789"


def test_a_landline_is_a_phone_but_not_a_mobile():
    assert phone_normalize("+7 8142 12-34-56") == "+78142123456"
    with pytest.raises(ApplicationError) as error:
        phone_normalize("+7 8142 12-34-56", mobile_only=True)
    assert error.value.code == "phone"


def test_foreign_numbers_are_accepted_for_calls_back_but_not_for_sms():
    assert phone_normalize("+1 202 555 0143") == "+12025550143"
    with pytest.raises(ApplicationError):
        phone_normalize("+1 202 555 0143", mobile_only=True)
    with pytest.raises(ApplicationError):
        phone_normalize("+7 700 123 45 67", mobile_only=True)  # Kazakhstan shares +7


@pytest.mark.parametrize("raw", ["12345", "phone", "9" * 40, "+7 900"])
def test_it_refuses_what_is_not_a_phone_number_with_a_message(raw):
    with pytest.raises(ApplicationError) as error:
        phone_normalize(raw)
    assert error.value.code == "phone"
    assert "+7 900 123-45-67" in str(error.value.message)


def test_nothing_typed_is_no_phone():
    assert phone_normalize("") == "" and phone_normalize("   ") == ""


@given(st.integers(min_value=900_000_0000, max_value=999_999_9999))
def test_a_normalized_number_normalizes_to_itself(number):
    try:
        e164 = phone_normalize(f"+7{number}")
    except ApplicationError:
        return
    assert phone_normalize(e164) == e164


def test_one_person_is_one_contact_whatever_they_wrote_from():
    assert email_normalize("  Ivanova@Example.RU ") == "ivanova@example.ru"
    phone = phone_normalize("8 (912) 345-67-89")
    assert contact_key(phone=phone, email="x@y.ru", ip_address="1.2.3.4") == "tel:+79123456789"
    assert contact_key(email="x@y.ru", ip_address="1.2.3.4") == "mail:x@y.ru"
    assert contact_key(ip_address="1.2.3.4") == "ip:1.2.3.4"
    assert contact_key() == ""
