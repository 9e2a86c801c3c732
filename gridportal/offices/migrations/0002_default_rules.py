"""Ship the offices' dated rules (rules.SPECS) as core.Rule rows."""

from django.db import migrations

NAMESPACE = "offices"
MINENERGO_186 = (
    "Приказ Минэнерго России от 15.04.2014 № 186 «О Единых стандартах качества "
    "обслуживания сетевыми организациями потребителей услуг сетевых организаций»"
)
GRIDPORTAL_DEFAULT = "Gridportal default; set by the company's customer service"

# Frozen copy of rules.SPECS: key, value, unit, valid_from, source.
DEFAULTS = [
    ("wait_minutes", "30", "minutes", "2014-04-15", MINENERGO_186),
    ("bookings_per_day", "2", "count", "2026-01-01", GRIDPORTAL_DEFAULT),
    ("booking_horizon_days", "14", "days", "2026-01-01", GRIDPORTAL_DEFAULT),
    ("submits_per_hour", "10", "count", "2026-01-01", GRIDPORTAL_DEFAULT),
]


def forwards(apps, schema_editor):
    Rule = apps.get_model("core", "Rule")
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
    apps.get_model("core", "Rule").objects.filter(namespace=NAMESPACE).delete()


class Migration(migrations.Migration):
    dependencies = [("offices", "0001_initial"), ("core", "0005_calendar_shortened_day")]
    operations = [migrations.RunPython(forwards, backwards)]
