from datetime import date
from decimal import Decimal

from django.db import migrations

SOURCE = (
    "k_overload 1.4: post-emergency overload of two-transformer substations, historical practice "
    "after ГОСТ 14209 and ПТЭ (UNVERIFIED; since 2019 the Минэнерго requirements for transformer "
    "overload capacity make it depend on temperature and duration — check the company's СТО). "
    "Coincidence factor 0.9: placeholder in the spirit of Приказ Минэнерго России от 06.05.2014 "
    "N 250 (coincidence factors of maximum consumption), which gives factors by the number and "
    "kind of consumers (UNVERIFIED value). cos φ 0.9: typical planning value (UNVERIFIED). "
    "Threshold 0 MVA: a centre is open while its reserve is positive (industry method, UNVERIFIED). "
    "See docs/capacity.md."
)


def add_defaults(apps, schema_editor):
    CapacityRule = apps.get_model("capacity", "CapacityRule")
    if not CapacityRule.objects.exists():
        CapacityRule.objects.create(
            valid_from=date(2014, 5, 6),
            overload_factor=Decimal("1.40"),
            coincidence_factor=Decimal("0.90"),
            cos_phi=Decimal("0.90"),
            threshold_mva=Decimal("0"),
            source=SOURCE,
        )


class Migration(migrations.Migration):
    dependencies = [("capacity", "0001_initial")]
    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
