from django.db import migrations, models, transaction
from django.db.models import F


BATCH = 2000


def mark_existing_rolled_up(apps, schema_editor):
    """Reports before this migration were rolled up inside their request.

    In batches, each its own short transaction: the reports table is hot on a storm day.
    """
    OutageReport = apps.get_model("outages", "OutageReport")
    waiting = OutageReport.objects.filter(rolled_up_at__isnull=True)
    last = 0
    while True:
        ids = list(waiting.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:BATCH])
        if not ids:
            return
        with transaction.atomic(using=schema_editor.connection.alias):
            waiting.filter(pk__in=ids).update(rolled_up_at=F("created_at"))
        last = ids[-1]


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("outages", "0011_planned_actual_times"),
    ]

    operations = [
        migrations.AddField(
            model_name="outagereport",
            name="rolled_up_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="rolled up"
            ),
        ),
        migrations.RunPython(mark_existing_rolled_up, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="outagereport",
            index=models.Index(
                condition=models.Q(("rolled_up_at__isnull", True)),
                fields=["created_at"],
                name="outages_report_not_rolled_up",
            ),
        ),
    ]
