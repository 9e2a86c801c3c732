"""Moving the three old rule tables into core.Rule changes no value in force.

The database is migrated back to before the move, filled with dated rows of every old
model (including awkward ones: two capacity rows of one date, two subscription rows of one
local day, a rule with no row), migrated forward, and the values in force on many dates are
compared with what the old code read. Runs on SQLite and on PostgreSQL (CI's second pass).
"""

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from gridportal.capacity.rules import factors_from
from gridportal.core import rules as core_rules
from gridportal.notifications.rules import DEFAULT_POLICY, policy_from
from gridportal.outages.rules import FALLBACK
from gridportal.outages.rules import rule_values as outage_rules

pytestmark = [pytest.mark.migrations, pytest.mark.django_db(transaction=True)]

BEFORE = [
    ("core", "0002_calendar_defaults"),
    ("outages", "0002_default_rules"),
    ("capacity", "0002_default_rules"),
    ("notifications", "0004_erase_after_days"),
]
ZONE = zoneinfo.ZoneInfo(settings.TIME_ZONE)
DAYS = [
    dt.date(2014, 5, 6),
    dt.date(2019, 12, 31),
    dt.date(2020, 1, 1),
    dt.date(2025, 2, 28),
    dt.date(2025, 3, 1),
    dt.date(2025, 12, 31),
    dt.date(2026, 1, 1),
    dt.date(2026, 3, 9),
    dt.date(2026, 3, 10),
    dt.date(2026, 6, 14),
    dt.date(2026, 6, 15),
    dt.date(2026, 6, 30),
    dt.date(2026, 7, 1),
    dt.date(2026, 11, 1),
    dt.date(2027, 1, 1),
    dt.date(2035, 1, 1),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def _local(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=ZONE)


def _fill_old_tables(apps):
    OutageRule = apps.get_model("outages", "OutageRule")
    CapacityRule = apps.get_model("capacity", "CapacityRule")
    SubscriptionRule = apps.get_model("notifications", "SubscriptionRule")
    for model in (OutageRule, CapacityRule, SubscriptionRule):
        model.objects.all().delete()

    for key, value, day in [
        ("callback_hours", "4", dt.date(2014, 4, 15)),
        ("callback_hours", "3", dt.date(2027, 1, 1)),
        ("substation_min_reports", "2", dt.date(2026, 1, 1)),
        ("substation_min_reports", "1", dt.date(2026, 11, 1)),
        ("feeder_substation_share", "0.5", dt.date(2026, 1, 1)),
        ("feeder_substation_share", "0.45", dt.date(2026, 6, 15)),
        ("limit_per_ip_hour", "500", dt.date(2025, 3, 1)),
        # etr_tolerance_minutes has no row: the fallback holds.
    ]:
        OutageRule.objects.create(key=key, value=Decimal(value), valid_from=day, source="test")

    for day, k, kc, cos, threshold in [
        (dt.date(2014, 5, 6), "1.40", "0.90", "0.90", "0"),
        (dt.date(2020, 1, 1), "1.20", "0.85", "0.92", "0.500"),
        (dt.date(2025, 3, 1), "1.30", "0.80", "0.90", "0"),
        (dt.date(2025, 3, 1), "1.35", "0.80", "0.95", "0.250"),  # same date, later id wins
    ]:
        CapacityRule.objects.create(
            valid_from=day,
            overload_factor=Decimal(k),
            coincidence_factor=Decimal(kc),
            cos_phi=Decimal(cos),
            threshold_mva=Decimal(threshold),
            source=f"test {day}",
        )

    for at, changes in [
        (dt.datetime(2026, 1, 1, tzinfo=dt.UTC), {}),
        (
            _local(dt.date(2026, 3, 10), 12),
            {"code_ttl_minutes": 10, "max_subscriptions_per_contact": 3},
        ),
        (
            _local(dt.date(2026, 3, 10), 18),
            {"code_ttl_minutes": 20, "max_subscriptions_per_contact": 3},
        ),
        # 00:30 in Moscow is the evening before in UTC: the local date counts.
        (_local(dt.date(2026, 7, 1), 0, 30), {"erase_after_days": 20, "confirm_link_hours": 48}),
    ]:
        fields = {**DEFAULT_POLICY.__dict__, **changes}
        SubscriptionRule.objects.create(valid_from=at, source=f"test {at:%Y-%m-%d %H:%M}", **fields)


def _old_values(apps, day):
    """What the code before the move read on a day (notifications: at the end of the local day)."""
    OutageRule = apps.get_model("outages", "OutageRule")
    CapacityRule = apps.get_model("capacity", "CapacityRule")
    SubscriptionRule = apps.get_model("notifications", "SubscriptionRule")

    outages = dict(FALLBACK)
    chosen = {}
    for row in OutageRule.objects.filter(valid_from__lte=day):
        if row.key not in chosen or row.valid_from > chosen[row.key].valid_from:
            chosen[row.key] = row
    outages.update({key: row.value for key, row in chosen.items()})

    capacity_row = (
        CapacityRule.objects.filter(valid_from__lte=day).order_by("-valid_from", "-pk").first()
    )
    capacity = (
        capacity_row.overload_factor,
        capacity_row.coincidence_factor,
        capacity_row.cos_phi,
        capacity_row.threshold_mva,
    )

    end_of_day = _local(day + dt.timedelta(days=1), 0)
    row = (
        SubscriptionRule.objects.filter(valid_from__lt=end_of_day)
        .order_by("-valid_from", "-id")
        .first()
    )
    if row is None:
        policy = dict(DEFAULT_POLICY.__dict__)
    else:
        policy = {name: getattr(row, name) for name in DEFAULT_POLICY.__dict__}
    return outages, capacity, policy


def _new_values(day):
    outages = outage_rules(day)
    f = factors_from(core_rules.rule_values("capacity", on=day))
    policy = policy_from(core_rules.rule_values("notifications", on=day)).__dict__
    return outages, (f.overload, f.coincidence, f.cos_phi, f.threshold_mva), dict(policy)


def test_moving_the_rules_to_core_changes_no_value_in_force():
    old_apps = _migrate(BEFORE)
    try:
        _fill_old_tables(old_apps)
        before = {day: _old_values(old_apps, day) for day in DAYS}
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    finally:
        # Whatever happened, leave the schema as the rest of the suite expects it.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    core_rules.rules_cache_bump()  # what `migrate` does through post_migrate

    for day in DAYS:
        assert _new_values(day) == before[day], day

    # Spot checks that the comparison compares something.
    outages, capacity, policy = _new_values(dt.date(2026, 11, 1))
    assert outages["substation_min_reports"] == 1 and outages["limit_per_ip_hour"] == 500
    assert outages["etr_tolerance_minutes"] == 30
    assert capacity == (Decimal("1.35"), Decimal("0.8"), Decimal("0.95"), Decimal("0.25"))
    assert policy["erase_after_days"] == 20 and policy["confirm_link_hours"] == 48
    march = _new_values(dt.date(2026, 3, 10))[2]
    assert march["code_ttl_minutes"] == 20 and march["max_subscriptions_per_contact"] == 3
    assert _new_values(dt.date(2026, 6, 30))[2]["erase_after_days"] == 30

    tables = connection.introspection.table_names()
    assert "core_rule" in tables
    assert not {
        "outages_outagerule",
        "capacity_capacityrule",
        "notifications_subscriptionrule",
    } & set(tables)
