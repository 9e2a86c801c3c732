"""The API's JSON structure check (gridportal/api/parsers.py), without a request."""

import pytest
from rest_framework.exceptions import ParseError, ValidationError

from gridportal.api.parsers import MAX_DEPTH, check_structure


def nested(depth):
    value = 1
    for _ in range(depth):
        value = [value]
    return value


def test_nesting_up_to_the_limit_is_fine():
    check_structure(nested(MAX_DEPTH))
    check_structure({"a": {"b": [1, 2, {"c": "text\twith\r\nbreaks"}]}})


def test_nesting_past_the_limit_is_refused():
    with pytest.raises(ParseError):
        check_structure(nested(MAX_DEPTH + 1))


def test_a_very_deep_structure_does_not_exhaust_the_stack():
    check_structure(nested(50_000), max_depth=100_000)  # iterative: no RecursionError
    with pytest.raises(ParseError):
        check_structure(nested(50_000))


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"comment": "a\x00b"}, "comment"),
        ({"items": [{"name": "ok"}, {"name": "\x1b"}]}, "items[1].name"),
        ("\x01", "body"),
        ({"a\x00b": 1}, "ab"),
    ],
)
def test_control_characters_are_refused_naming_where(data, field):
    with pytest.raises(ValidationError) as caught:
        check_structure(data)
    assert list(caught.value.detail) == [field]
