"""Five indexes fewer on outage reports: every index is paid by every report of a storm.

The address and branch lead the composite indexes (address, contact, time) and (branch,
callback status), which serve their look-ups; nothing looks reports up by contact alone
or by the danger flag. Only the indexes are dropped (DROP INDEX IF EXISTS, brief locks):
Django would also drop and re-create the foreign keys, re-checking every report.
"""

import django.db.models.deletion
from django.db import migrations, models


# Index → its column; the PostgreSQL-only LIKE index on the contact is not made again.
DROPPED = {
    "outages_outagereport_address_id_e77f8a71": "address_id",
    "outages_outagereport_branch_id_946cd573": "branch_id",
    "outages_outagereport_contact_key_ac788497": "contact_key",
    "outages_outagereport_contact_key_ac788497_like": None,
    "outages_outagereport_urgent_50edc4ae": "urgent",
}


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_calendar_shortened_day"),
        ("grid", "0004_substation_owner"),
        ("outages", "0012_report_rolled_up_at"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="outagereport",
                    name="address",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="outage_reports",
                        to="grid.serviceaddress",
                    ),
                ),
                migrations.AlterField(
                    model_name="outagereport",
                    name="branch",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        to="core.branch",
                        verbose_name="branch",
                    ),
                ),
                migrations.AlterField(
                    model_name="outagereport",
                    name="contact_key",
                    field=models.CharField(blank=True, editable=False, max_length=200),
                ),
                migrations.AlterField(
                    model_name="outagereport",
                    name="urgent",
                    field=models.BooleanField(default=False, verbose_name="urgent (danger)"),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    [f"DROP INDEX IF EXISTS {name}" for name in DROPPED],
                    reverse_sql=[
                        f"CREATE INDEX {name} ON outages_outagereport ({column})"
                        for name, column in DROPPED.items()
                        if column
                    ],
                ),
            ],
        ),
    ]
