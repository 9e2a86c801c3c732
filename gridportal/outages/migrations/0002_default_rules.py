from decimal import Decimal

from django.db import migrations

# Frozen copy of rules.DEFAULT_RULES at the time of this migration.
RULES = [
    (
        "callback_hours",
        "4",
        "2014-04-15",
        "Приказ Минэнерго России от 15.04.2014 № 186 «О Единых стандартах качества "
        "обслуживания сетевыми организациями потребителей услуг сетевых организаций»",
    ),
    (
        "substation_min_reports",
        "2",
        "2026-01-01",
        "Gridportal default; set by the company's dispatching service",
    ),
    (
        "feeder_min_substations",
        "3",
        "2026-01-01",
        "Gridportal default; set by the company's dispatching service",
    ),
    (
        "feeder_substation_share",
        "0.5",
        "2026-01-01",
        "Gridportal default; set by the company's dispatching service",
    ),
    (
        "centre_min_feeders",
        "3",
        "2026-01-01",
        "Gridportal default; set by the company's dispatching service",
    ),
    (
        "centre_feeder_share",
        "0.5",
        "2026-01-01",
        "Gridportal default; set by the company's dispatching service",
    ),
    (
        "rollup_window_minutes",
        "180",
        "2026-01-01",
        "Gridportal default; set by the company's dispatching service",
    ),
    (
        "duplicate_window_minutes",
        "60",
        "2026-01-01",
        "Gridportal default; set by the company's dispatching service",
    ),
    (
        "limit_per_ip_hour",
        "200",
        "2026-01-01",
        "Gridportal default; set by the company's dispatching service",
    ),
    (
        "limit_per_phone_hour",
        "5",
        "2026-01-01",
        "Gridportal default; set by the company's dispatching service",
    ),
    (
        "limit_per_address_hour",
        "60",
        "2026-01-01",
        "Gridportal default; set by the company's dispatching service",
    ),
    (
        "etr_tolerance_minutes",
        "30",
        "2026-01-01",
        "Gridportal default; set by the company's dispatching service",
    ),
    (
        "planned_notice_days",
        "3",
        "2026-01-01",
        "Gridportal default; set by the company's dispatching service",
    ),
]


def forwards(apps, schema_editor):
    OutageRule = apps.get_model("outages", "OutageRule")
    for key, value, valid_from, source in RULES:
        OutageRule.objects.get_or_create(
            key=key, valid_from=valid_from, defaults={"value": Decimal(value), "source": source}
        )


def backwards(apps, schema_editor):
    OutageRule = apps.get_model("outages", "OutageRule")
    for key, _value, valid_from, _source in RULES:
        OutageRule.objects.filter(key=key, valid_from=valid_from).delete()


class Migration(migrations.Migration):
    dependencies = [("outages", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
