"""Regulation as data: the hotline's rules are declared once and read by date."""

import datetime as dt
from decimal import Decimal

import pytest

from gridportal.core import rules as core_rules
from gridportal.core.models import Rule
from gridportal.outages.choices import RuleKey
from gridportal.outages.rules import DEFAULT_RULES, SPECS, rule, rule_values
from gridportal.testing.factories import rule_set


def test_the_latest_row_not_after_the_date_is_in_force():
    declared = {s.key: s for s in SPECS}
    rows = [
        (RuleKey.CALLBACK_HOURS, "4", dt.date(2014, 4, 15)),
        (RuleKey.CALLBACK_HOURS, "2", dt.date(2027, 1, 1)),
    ]
    assert core_rules.values_in_force(declared, rows, dt.date(2026, 12, 31))["callback_hours"] == 4
    assert core_rules.values_in_force(declared, rows, dt.date(2027, 1, 1))["callback_hours"] == 2


def test_every_rule_has_a_value_even_with_no_rows():
    values = core_rules.values_in_force({s.key: s for s in SPECS}, [], dt.date(2026, 1, 1))
    assert set(values) == set(RuleKey.values)


def test_every_default_names_its_source():
    assert all(source for _key, _value, _date, source in DEFAULT_RULES)
    assert {key for key, *_ in DEFAULT_RULES} == set(RuleKey.values)
    assert set(core_rules.specs("outages")) == set(RuleKey.values)


@pytest.mark.django_db
def test_the_defaults_are_shipped_by_the_migration_and_new_rows_apply_at_once():
    assert Rule.objects.filter(namespace="outages", key=RuleKey.CALLBACK_HOURS, value="4").exists()
    assert rule(RuleKey.CALLBACK_HOURS) == 4
    rule_set("outages", RuleKey.CALLBACK_HOURS, 3, valid_from=dt.date(2020, 1, 1))
    assert rule(RuleKey.CALLBACK_HOURS) == 3


@pytest.mark.django_db
def test_the_values_stay_decimals_keyed_by_rule_key_as_callers_expect():
    values = rule_values(dt.date(2026, 6, 1))
    assert values[RuleKey.FEEDER_SUBSTATION_SHARE] == Decimal("0.5")
    assert all(isinstance(v, Decimal) for v in values.values())
    assert rule_values()[RuleKey.ROLLUP_WINDOW_MINUTES] == 180


@pytest.mark.django_db
def test_a_rule_changed_in_admin_sets_the_callback_clock_of_the_next_call_at_once(
    client, administrator, network, officer, now
):
    from django.urls import reverse

    from gridportal.outages.choices import Channel

    from .factories import report

    def phone_call():
        return report(
            network.addresses[0],
            channel=Channel.PHONE,
            created_by=officer,
            callback_requested=True,
            now=now,
        )

    assert phone_call().callback_due_at == now + dt.timedelta(hours=4)
    client.force_login(administrator)
    response = client.post(
        reverse("admin:core_rule_add"),
        {
            "rule": "outages.callback_hours",
            "value": "2",
            "valid_from": "2026-11-01",
            "source": "Приказ по компании от 30.10.2026 № 12",
        },
    )
    assert response.status_code == 302
    assert phone_call().callback_due_at == now + dt.timedelta(hours=2)
    assert rule_values(now.date())[RuleKey.CALLBACK_HOURS] == 2
