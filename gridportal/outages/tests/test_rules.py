"""Regulation as data: the value in force on a date."""

import datetime as dt
from decimal import Decimal

import pytest

from gridportal.outages.choices import RuleKey
from gridportal.outages.models import OutageRule
from gridportal.outages.rules import DEFAULT_RULES, rule, rules_in_force


def test_the_latest_row_not_after_the_date_is_in_force():
    rows = [
        (RuleKey.CALLBACK_HOURS, "4", dt.date(2014, 4, 15)),
        (RuleKey.CALLBACK_HOURS, "2", dt.date(2027, 1, 1)),
    ]
    assert rules_in_force(rows, dt.date(2026, 12, 31))[RuleKey.CALLBACK_HOURS] == 4
    assert rules_in_force(rows, dt.date(2027, 1, 1))[RuleKey.CALLBACK_HOURS] == 2


def test_every_rule_has_a_value_even_with_no_rows():
    values = rules_in_force([], dt.date(2026, 1, 1))
    assert set(values) == set(RuleKey.values)


def test_every_default_names_its_source():
    assert all(source for _key, _value, _date, source in DEFAULT_RULES)
    assert {key for key, *_ in DEFAULT_RULES} == set(RuleKey.values)


@pytest.mark.django_db
def test_the_defaults_are_shipped_by_the_migration_and_admin_edits_apply_at_once():
    assert OutageRule.objects.filter(key=RuleKey.CALLBACK_HOURS, value=4).exists()
    assert rule(RuleKey.CALLBACK_HOURS) == 4
    OutageRule.objects.create(
        key=RuleKey.CALLBACK_HOURS,
        value=Decimal("3"),
        valid_from=dt.date(2020, 1, 1),
        source="test",
    )
    assert rule(RuleKey.CALLBACK_HOURS) == 3
