"""Dated rules: which value is in force (pure), declared types and ranges, how a value reads."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from gridportal.core import rules
from gridportal.core.choices import RuleUnit
from gridportal.core.rules import RuleSpec

HOURS = RuleSpec(
    key="callback_hours",
    default=4,
    unit=RuleUnit.HOURS,
    label="hours",
    source="test",
    valid_from=dt.date(2014, 4, 15),
    minimum=1,
)
SHARE = RuleSpec(
    key="share",
    default=Decimal("0.5"),
    type=Decimal,
    unit=RuleUnit.SHARE,
    label="share",
    source="test",
    valid_from=dt.date(2026, 1, 1),
    above=0,
    maximum=1,
)
DECLARED = {"callback_hours": HOURS, "share": SHARE}


def test_the_row_with_the_latest_date_not_after_the_day_is_in_force():
    rows = [
        ("callback_hours", "4", dt.date(2014, 4, 15)),
        ("callback_hours", "2", dt.date(2027, 1, 1)),
        ("callback_hours", "3", dt.date(2020, 1, 1)),
    ]
    assert rules.values_in_force(DECLARED, rows, dt.date(2019, 12, 31))["callback_hours"] == 4
    assert rules.values_in_force(DECLARED, rows, dt.date(2020, 1, 1))["callback_hours"] == 3
    assert rules.values_in_force(DECLARED, rows, dt.date(2027, 1, 1))["callback_hours"] == 2


def test_before_any_row_and_without_rows_the_declared_default_holds():
    rows = [("share", "0.4", dt.date(2026, 6, 1))]
    values = rules.values_in_force(DECLARED, rows, dt.date(2026, 5, 31))
    assert values == {"callback_hours": 4, "share": Decimal("0.5")}


def test_values_come_back_in_the_declared_type():
    rows = [("callback_hours", "5", dt.date(2020, 1, 1)), ("share", "0.25", dt.date(2020, 1, 1))]
    values = rules.values_in_force(DECLARED, rows, dt.date(2026, 1, 1))
    assert type(values["callback_hours"]) is int
    assert values["share"] == Decimal("0.25") and isinstance(values["share"], Decimal)


@given(
    st.lists(
        st.tuples(
            st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 1, 1)),
            st.integers(min_value=1, max_value=99),
        ),
        unique_by=lambda row: row[0],
    ),
    st.dates(min_value=dt.date(1999, 1, 1), max_value=dt.date(2041, 1, 1)),
)
def test_the_value_in_force_is_the_last_change_before_the_day(rows, day):
    values = rules.values_in_force(DECLARED, [("callback_hours", str(v), d) for d, v in rows], day)
    earlier = sorted((d, v) for d, v in rows if d <= day)
    assert values["callback_hours"] == (earlier[-1][1] if earlier else HOURS.default)


def test_an_administrator_gets_a_clear_message_for_a_value_out_of_type_or_range():
    with translation.override("ru"):
        for spec, text, message in [
            (HOURS, "four", "Введите число."),
            (HOURS, "2.5", "Введите целое число."),
            (HOURS, "0", "Введите значение не меньше 1."),
            (SHARE, "0", "Введите значение больше 0."),
            (SHARE, "1.5", "Введите значение не больше 1."),
        ]:
            with pytest.raises(ValidationError) as error:
                spec.clean(text)
            assert error.value.messages == [message], text
    assert HOURS.clean(" 6 ") == 6
    assert SHARE.clean("0.75") == Decimal("0.75")


def test_values_are_stored_as_plain_digits():
    assert rules.format_value(Decimal("180.000")) == "180"
    assert rules.format_value(Decimal("0.500")) == "0.5"
    assert rules.format_value(4) == "4"


def test_a_count_is_shown_with_the_right_russian_plural():
    with translation.override("ru"):
        assert rules.format_quantity(4, RuleUnit.HOURS) == "4 часа"
        assert rules.format_quantity(1, RuleUnit.HOURS) == "1 час"
        assert rules.format_quantity(5, RuleUnit.HOURS) == "5 часов"
        assert rules.format_quantity(21, RuleUnit.DAYS) == "21 день"
        assert rules.format_quantity(Decimal("0.9"), RuleUnit.FACTOR) == "0,9"
    with translation.override("en"):
        assert rules.format_quantity(1, RuleUnit.HOURS) == "1 hour"
        assert rules.format_quantity(60, RuleUnit.MINUTES) == "60 minutes"


def test_every_app_declares_its_rules_once_with_a_source_and_a_default_in_range():
    assert {"outages", "capacity", "notifications"} <= set(rules.namespaces())
    for namespace in rules.namespaces():
        for key, spec in rules.specs(namespace).items():
            assert spec.key == key and spec.source and spec.unit
            spec.clean(spec.default_text)
    capacity = rules.specs("capacity")
    assert not any(spec.verified for spec in capacity.values())


@pytest.mark.django_db
def test_a_saved_row_is_read_at_once_and_a_deleted_one_is_forgotten():
    from django.utils import timezone

    from gridportal.testing.rules import rule_set

    today = timezone.localdate()
    assert rules.rule_value("outages", "planned_notice_days") == 3
    row = rule_set("outages", "planned_notice_days", 5, valid_from=today)
    assert rules.rule_value("outages", "planned_notice_days") == 5
    yesterday = today - dt.timedelta(days=1)
    assert rules.rule_value("outages", "planned_notice_days", on=yesterday) == 3
    row.delete()
    assert rules.rule_value("outages", "planned_notice_days") == 3


@pytest.mark.django_db
def test_the_template_tag_renders_the_rule_in_force():
    from django.template import Context, Template

    from gridportal.testing.rules import rule_set

    template = Template('{% load rules %}{% rule "outages" "callback_hours" %}')
    with translation.override("ru"):
        assert template.render(Context()) == "4 часа"
        rule_set("outages", "callback_hours", 1, valid_from=dt.date(2020, 1, 1))
        assert template.render(Context()) == "1 час"
