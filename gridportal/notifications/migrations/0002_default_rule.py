import datetime

from django.db import migrations


def ship_default_rule(apps, schema_editor):
    SubscriptionRule = apps.get_model("notifications", "SubscriptionRule")
    if SubscriptionRule.objects.exists():
        return
    SubscriptionRule.objects.create(
        valid_from=datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc),
        source=(
            "Company policy (Gridportal default): 10 subscriptions per contact, SMS code valid "
            "15 min with 5 tries, new code after 60 s, confirmation link 72 h, 5 delivery attempts"
        ),
        max_subscriptions_per_contact=10,
        code_ttl_minutes=15,
        code_max_attempts=5,
        code_resend_seconds=60,
        confirm_link_hours=72,
        max_delivery_attempts=5,
    )


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_initial")]

    operations = [migrations.RunPython(ship_default_rule, migrations.RunPython.noop)]
