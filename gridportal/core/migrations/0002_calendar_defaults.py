"""Working weekend days of the official calendars (transferred days), as data."""

import datetime as dt

from django.db import migrations

WORKING_WEEKENDS = [
    (dt.date(2025, 11, 1), "Постановление Правительства РФ от 04.10.2024 № 1335"),
]


def forward(apps, schema_editor):
    CalendarException = apps.get_model("core", "CalendarException")
    for date, source in WORKING_WEEKENDS:
        CalendarException.objects.get_or_create(
            date=date, defaults={"kind": "working", "source": source}
        )


def backward(apps, schema_editor):
    CalendarException = apps.get_model("core", "CalendarException")
    CalendarException.objects.filter(date__in=[d for d, _ in WORKING_WEEKENDS]).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
