"""Ship the new dated rules: the ETR horizons (1 h, 3 h) and the dispatcher's undo window."""

from django.db import migrations

NAMESPACE = "outages"
GRIDPORTAL_DEFAULT = "Gridportal default; set by the company's dispatching service"

# Frozen copy of the new rules.SPECS rows at the time of this migration.
DEFAULTS = [
    ("etr_horizon_short_minutes", "60", "minutes", "2026-01-01", GRIDPORTAL_DEFAULT),
    ("etr_horizon_long_minutes", "180", "minutes", "2026-01-01", GRIDPORTAL_DEFAULT),
    ("undo_minutes", "5", "minutes", "2026-01-01", GRIDPORTAL_DEFAULT),
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
    Rule = apps.get_model("core", "Rule")
    Rule.objects.filter(namespace=NAMESPACE, key__in=[d[0] for d in DEFAULTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("outages", "0006_alter_incident_status")]
    operations = [migrations.RunPython(forwards, backwards)]
