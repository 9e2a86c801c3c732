from django.db import migrations, models
from django.db.models import F


def mark_existing_rolled_up(apps, schema_editor):
    """Reports before this migration were rolled up inside their request."""
    OutageReport = apps.get_model("outages", "OutageReport")
    OutageReport.objects.filter(rolled_up_at__isnull=True).update(rolled_up_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("outages", "0010_special_needs_register"),
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
