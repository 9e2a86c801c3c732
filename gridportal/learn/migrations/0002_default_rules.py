import datetime as dt

from django.db import migrations

# Frozen copy of rules.SPECS at the time of this migration.
SOURCE = "Gridportal default; set by the company's public relations service"
DEFAULTS = [
    ("class_results_per_hour", "300", "per_hour"),
    ("classes_per_teacher", "50", "count"),
]


def ship(apps, schema_editor):
    Rule = apps.get_model("core", "Rule")
    for key, value, unit in DEFAULTS:
        Rule.objects.get_or_create(
            namespace="learn",
            key=key,
            valid_from=dt.date(2026, 1, 1),
            defaults={"value": value, "unit": unit, "source": SOURCE},
        )


def unship(apps, schema_editor):
    apps.get_model("core", "Rule").objects.filter(namespace="learn").delete()


class Migration(migrations.Migration):
    dependencies = [("learn", "0001_initial"), ("core", "0003_rule")]

    operations = [migrations.RunPython(ship, unship)]
