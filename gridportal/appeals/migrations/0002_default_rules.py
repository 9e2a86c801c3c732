"""Ship the appeals desk's dated rules as core.Rule rows (frozen copy of rules.SPECS)."""

from django.db import migrations

NAMESPACE = "appeals"

# key, value, unit, valid_from, source
DEFAULTS = [
    (
        "answer_days",
        "30",
        "days",
        "2006-05-02",
        "Федеральный закон от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан Российской Федерации», ст. 12 ч. 1 (30 дней со дня регистрации)",
    ),
    (
        "extension_max_days",
        "30",
        "days",
        "2006-05-02",
        "Федеральный закон от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан Российской Федерации», ст. 12 ч. 2 (продление не более чем на 30 дней)",
    ),
    (
        "callback_hours",
        "4",
        "hours",
        "2014-04-15",
        "Приказ Минэнерго России от 15.04.2014 № 186 «О Единых стандартах качества обслуживания сетевыми организациями потребителей услуг сетевых организаций»",
    ),
    (
        "redirect_days",
        "7",
        "days",
        "2006-05-02",
        "Федеральный закон от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан Российской Федерации», ст. 8 ч. 3 (переадресация в течение 7 дней)",
    ),
    (
        "due_soon_days",
        "5",
        "days",
        "2026-01-01",
        "Gridportal default; set by the company's customer service",
    ),
    (
        "reopen_days",
        "30",
        "days",
        "2026-01-01",
        "Gridportal default; set by the company's customer service",
    ),
    (
        "limit_per_ip_hour",
        "30",
        "per_hour",
        "2026-01-01",
        "Gridportal default; set by the company's customer service",
    ),
    (
        "limit_per_contact_day",
        "10",
        "count",
        "2026-01-01",
        "Gridportal default; set by the company's customer service",
    ),
    (
        "track_per_ip_hour",
        "30",
        "per_hour",
        "2026-01-01",
        "Gridportal default; set by the company's customer service",
    ),
    (
        "max_attachments",
        "5",
        "count",
        "2026-01-01",
        "Gridportal default; set by the company's customer service",
    ),
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
    dependencies = [("appeals", "0001_initial"), ("core", "0003_rule")]
    operations = [migrations.RunPython(forwards, backwards)]
