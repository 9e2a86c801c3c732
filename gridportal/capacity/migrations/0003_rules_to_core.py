"""Move the capacity factors into the shared dated rules of `core` (namespace "capacity").

One CapacityRule row carried four factors; each becomes a row of its own with the same
valid_from and source. Where two old rows share a date, the later one (higher id) was the
one in force, and it is the one kept. A factor with no row at all gets the shipped
default. No value in force changes.
"""

from decimal import Decimal

from django.db import migrations

NAMESPACE = "capacity"
FIELDS = {
    "overload_factor": "factor",
    "coincidence_factor": "factor",
    "cos_phi": "factor",
    "threshold_mva": "mva",
}
UNITS = {**FIELDS, "small_applicant_kw": "kw"}

# Frozen copy of rules.SPECS at the time of this migration: key, value, valid_from, source.
DEFAULTS = [
    (
        "overload_factor",
        "1.4",
        "2014-05-06",
        "k_overload 1.4: post-emergency overload of two-transformer substations, historical "
        "practice after ГОСТ 14209 and ПТЭ (UNVERIFIED; since 2019 the Минэнерго requirements "
        "for transformer overload capacity make it depend on temperature and duration — check "
        "the company's СТО).",
    ),
    (
        "coincidence_factor",
        "0.9",
        "2014-05-06",
        "Coincidence factor 0.9: placeholder in the spirit of Приказ Минэнерго России от "
        "06.05.2014 N 250 (coincidence factors of maximum consumption), which gives factors by "
        "the number and kind of consumers (UNVERIFIED value).",
    ),
    ("cos_phi", "0.9", "2014-05-06", "cos φ 0.9: typical planning value (UNVERIFIED)."),
    (
        "small_applicant_kw",
        "15",
        "2014-05-06",
        "Постановление Правительства РФ от 27.12.2004 № 861 (Правила технологического "
        "присоединения), п. 14: applicants up to 15 kW inclusive (UNVERIFIED).",
    ),
    (
        "threshold_mva",
        "0",
        "2014-05-06",
        "Threshold 0 MVA: a centre is open while its reserve is positive (industry method, "
        "UNVERIFIED).",
    ),
]


def plain(value) -> str:
    return format(Decimal(value).normalize(), "f")


def forwards(apps, schema_editor):
    CapacityRule = apps.get_model("capacity", "CapacityRule")
    Rule = apps.get_model("core", "Rule")
    # Oldest first, so that of two rows of one date the later one is written last and stays.
    for row in CapacityRule.objects.order_by("valid_from", "pk"):
        for key, unit in FIELDS.items():
            Rule.objects.update_or_create(
                namespace=NAMESPACE,
                key=key,
                valid_from=row.valid_from,
                defaults={
                    "value": plain(getattr(row, key)),
                    "unit": unit,
                    "source": row.source,
                    "verified": False,
                },
            )
    for key, value, valid_from, source in DEFAULTS:
        if not Rule.objects.filter(namespace=NAMESPACE, key=key).exists():
            Rule.objects.create(
                namespace=NAMESPACE,
                key=key,
                value=value,
                unit=UNITS[key],
                valid_from=valid_from,
                source=source,
                verified=False,
            )


def backwards(apps, schema_editor):
    """One wide row per date on which any factor changed, with the factors in force then."""
    CapacityRule = apps.get_model("capacity", "CapacityRule")
    Rule = apps.get_model("core", "Rule")
    rows = list(Rule.objects.filter(namespace=NAMESPACE).order_by("valid_from"))
    defaults = {key: value for key, value, _date, _source in DEFAULTS if key in FIELDS}
    for day in sorted({r.valid_from for r in rows}):
        values = dict(defaults)
        for r in rows:
            if r.valid_from <= day and r.key in FIELDS:
                values[r.key] = r.value
        sources = list(dict.fromkeys(r.source for r in rows if r.valid_from == day))
        CapacityRule.objects.create(
            valid_from=day,
            source="\n".join(sources),
            **{key: Decimal(value) for key, value in values.items()},
        )
    Rule.objects.filter(namespace=NAMESPACE).delete()


class Migration(migrations.Migration):
    dependencies = [("capacity", "0002_default_rules"), ("core", "0003_rule")]
    operations = [migrations.RunPython(forwards, backwards)]
