"""Move the hotline's rules into the shared dated rules of `core` (namespace "outages").

Every OutageRule row is copied as it is (same key, value, valid_from, source, note); a key
that has no row at all gets the shipped default. No value in force changes.
"""

from decimal import Decimal

from django.db import migrations

NAMESPACE = "outages"
MINENERGO_186 = (
    "Приказ Минэнерго России от 15.04.2014 № 186 «О Единых стандартах качества "
    "обслуживания сетевыми организациями потребителей услуг сетевых организаций»"
)
GRIDPORTAL_DEFAULT = "Gridportal default; set by the company's dispatching service"

# Frozen copy of rules.SPECS at the time of this migration: key, value, unit, valid_from, source.
DEFAULTS = [
    ("callback_hours", "4", "hours", "2014-04-15", MINENERGO_186),
    ("substation_min_reports", "2", "count", "2026-01-01", GRIDPORTAL_DEFAULT),
    ("feeder_min_substations", "3", "count", "2026-01-01", GRIDPORTAL_DEFAULT),
    ("feeder_substation_share", "0.5", "share", "2026-01-01", GRIDPORTAL_DEFAULT),
    ("centre_min_feeders", "3", "count", "2026-01-01", GRIDPORTAL_DEFAULT),
    ("centre_feeder_share", "0.5", "share", "2026-01-01", GRIDPORTAL_DEFAULT),
    ("rollup_window_minutes", "180", "minutes", "2026-01-01", GRIDPORTAL_DEFAULT),
    ("duplicate_window_minutes", "60", "minutes", "2026-01-01", GRIDPORTAL_DEFAULT),
    ("limit_per_ip_hour", "200", "per_hour", "2026-01-01", GRIDPORTAL_DEFAULT),
    ("limit_per_phone_hour", "5", "per_hour", "2026-01-01", GRIDPORTAL_DEFAULT),
    ("limit_per_address_hour", "60", "per_hour", "2026-01-01", GRIDPORTAL_DEFAULT),
    ("etr_tolerance_minutes", "30", "minutes", "2026-01-01", GRIDPORTAL_DEFAULT),
    ("planned_notice_days", "3", "days", "2026-01-01", GRIDPORTAL_DEFAULT),
]
UNITS = {key: unit for key, _value, unit, _date, _source in DEFAULTS}


def plain(value) -> str:
    """A Decimal as plain digits without trailing zeros: 4.000 → 4, 0.500 → 0.5."""
    return format(Decimal(value).normalize(), "f")


def forwards(apps, schema_editor):
    OutageRule = apps.get_model("outages", "OutageRule")
    Rule = apps.get_model("core", "Rule")
    for row in OutageRule.objects.order_by("pk"):
        Rule.objects.update_or_create(
            namespace=NAMESPACE,
            key=row.key,
            valid_from=row.valid_from,
            defaults={
                "value": plain(row.value),
                "unit": UNITS.get(row.key, ""),
                "source": row.source,
                "note": row.note,
                "verified": False,
            },
        )
    for key, value, unit, valid_from, source in DEFAULTS:
        if not Rule.objects.filter(namespace=NAMESPACE, key=key).exists():
            Rule.objects.create(
                namespace=NAMESPACE,
                key=key,
                value=value,
                unit=unit,
                valid_from=valid_from,
                source=source,
                verified=False,
            )


def backwards(apps, schema_editor):
    OutageRule = apps.get_model("outages", "OutageRule")
    Rule = apps.get_model("core", "Rule")
    for row in Rule.objects.filter(namespace=NAMESPACE):
        OutageRule.objects.update_or_create(
            key=row.key,
            valid_from=row.valid_from,
            defaults={
                "value": Decimal(row.value),
                "source": row.source[:300],
                "note": row.note[:300],
            },
        )
    Rule.objects.filter(namespace=NAMESPACE).delete()


class Migration(migrations.Migration):
    dependencies = [("outages", "0002_default_rules"), ("core", "0003_rule")]
    operations = [migrations.RunPython(forwards, backwards)]
