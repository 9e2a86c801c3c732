"""Move the subscription policy into the shared dated rules of `core` ("notifications").

One SubscriptionRule row carried eight numbers from a moment (a DateTimeField); each
becomes a row of its own from the local date (settings.TIME_ZONE) of that moment. Where
several old rows fall on one local date, the latest (then the higher id) is kept: it is
the one in force at the end of that day. A number with no row gets the shipped default.
"""

import zoneinfo

from django.conf import settings
from django.db import migrations

NAMESPACE = "notifications"
COMPANY_POLICY = "Company policy (Gridportal default)"
FZ_152 = (
    "Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных», ст. 21 ч. 5: "
    "destroy within 30 days of the withdrawal of consent"
)

# Frozen copy of rules.SPECS at the time of this migration: key, value, unit, source.
DEFAULTS = [
    ("max_subscriptions_per_contact", "10", "count", COMPANY_POLICY),
    ("code_ttl_minutes", "15", "minutes", COMPANY_POLICY),
    ("code_max_attempts", "5", "count", COMPANY_POLICY),
    ("code_resend_seconds", "60", "seconds", COMPANY_POLICY),
    ("confirm_link_hours", "72", "hours", COMPANY_POLICY),
    ("max_delivery_attempts", "5", "count", COMPANY_POLICY),
    ("subscribe_per_ip_per_hour", "60", "per_hour", COMPANY_POLICY),
    ("erase_after_days", "30", "days", FZ_152),
]
SINCE = "2026-01-01"


def forwards(apps, schema_editor):
    SubscriptionRule = apps.get_model("notifications", "SubscriptionRule")
    Rule = apps.get_model("core", "Rule")
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    for row in SubscriptionRule.objects.order_by("valid_from", "pk"):
        day = row.valid_from.astimezone(zone).date()
        for key, _value, unit, _source in DEFAULTS:
            Rule.objects.update_or_create(
                namespace=NAMESPACE,
                key=key,
                valid_from=day,
                defaults={
                    "value": str(getattr(row, key)),
                    "unit": unit,
                    "source": row.source,
                    "verified": False,
                },
            )
    for key, value, unit, source in DEFAULTS:
        if not Rule.objects.filter(namespace=NAMESPACE, key=key).exists():
            Rule.objects.create(
                namespace=NAMESPACE,
                key=key,
                value=value,
                unit=unit,
                valid_from=SINCE,
                source=source,
                verified=False,
            )


def backwards(apps, schema_editor):
    """One row per date on which any number changed, from local midnight of that date."""
    import datetime as dt

    SubscriptionRule = apps.get_model("notifications", "SubscriptionRule")
    Rule = apps.get_model("core", "Rule")
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    rows = list(Rule.objects.filter(namespace=NAMESPACE).order_by("valid_from"))
    defaults = {key: value for key, value, _unit, _source in DEFAULTS}
    for day in sorted({r.valid_from for r in rows}):
        values = dict(defaults)
        for r in rows:
            if r.valid_from <= day and r.key in values:
                values[r.key] = r.value
        sources = list(dict.fromkeys(r.source for r in rows if r.valid_from == day))
        SubscriptionRule.objects.create(
            valid_from=dt.datetime.combine(day, dt.time(), tzinfo=zone),
            source="; ".join(sources)[:300],
            **{key: int(value) for key, value in values.items()},
        )
    Rule.objects.filter(namespace=NAMESPACE).delete()


class Migration(migrations.Migration):
    dependencies = [("notifications", "0004_erase_after_days"), ("core", "0003_rule")]
    operations = [migrations.RunPython(forwards, backwards)]
