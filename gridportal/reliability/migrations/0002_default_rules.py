"""Ship the reliability rules' defaults as dated `core.Rule` rows (namespace "reliability")."""

from django.db import migrations

NAMESPACE = "reliability"

# Frozen copy of rules.DEFAULT_RULES: key, value, unit, valid_from, source.
DEFAULTS = [
    (
        "momentary_max_minutes",
        "5",
        "minutes",
        "2012-05-14",
        "IEEE Std 1366-2012, IEEE Guide for Electric Power Distribution Reliability Indices (approved 2012-05-14): a momentary interruption lasts 5 minutes or less; major event days by the 2.5β method over five years of daily SAIDI (UNVERIFIED: the reference marks the IEEE definitions [U])",
    ),
    (
        "med_beta",
        "2.5",
        "factor",
        "2012-05-14",
        "IEEE Std 1366-2012, IEEE Guide for Electric Power Distribution Reliability Indices (approved 2012-05-14): a momentary interruption lasts 5 minutes or less; major event days by the 2.5β method over five years of daily SAIDI (UNVERIFIED: the reference marks the IEEE definitions [U])",
    ),
    (
        "med_history_years",
        "5",
        "count",
        "2012-05-14",
        "IEEE Std 1366-2012, IEEE Guide for Electric Power Distribution Reliability Indices (approved 2012-05-14): a momentary interruption lasts 5 minutes or less; major event days by the 2.5β method over five years of daily SAIDI (UNVERIFIED: the reference marks the IEEE definitions [U])",
    ),
    (
        "p_min_minutes",
        "5",
        "minutes",
        "2016-11-29",
        "Методические указания по расчету уровня надежности и качества поставляемых товаров и оказываемых услуг, Приказ Минэнерго России от 29.11.2016 № 1256 (ред. № 544 от 21.06.2017): Пsaidi = Σ T_i·N_i / N_т, Пsaifi = Σ N_i / N_т over points of supply (UNVERIFIED: the minimum duration counted and the exclusions are [U] in the reference; points of supply are counted as customer accounts)",
    ),
    (
        "p_count_planned",
        "0",
        "count",
        "2016-11-29",
        "Методические указания по расчету уровня надежности и качества поставляемых товаров и оказываемых услуг, Приказ Минэнерго России от 29.11.2016 № 1256 (ред. № 544 от 21.06.2017): Пsaidi = Σ T_i·N_i / N_т, Пsaifi = Σ N_i / N_т over points of supply (UNVERIFIED: the minimum duration counted and the exclusions are [U] in the reference; points of supply are counted as customer accounts)",
    ),
    (
        "p_per_level",
        "1",
        "count",
        "2024-01-01",
        "Приказ Минэнерго России от 14.06.2023 № 399 (amending № 1256), applied to tariffs from 01.01.2024: the indicators are calculated per voltage level НН, СН2, СН1, ВН (UNVERIFIED: [V2] in the reference)",
    ),
    (
        "limit_single_hours",
        "24",
        "hours",
        "2004-12-27",
        "Постановление Правительства РФ от 27.12.2004 № 861, Правила недискриминационного доступа к услугам по передаче электрической энергии, п. 31(6): for category III no more than 24 hours at a time and 72 hours a year (UNVERIFIED: [V2] in the reference)",
    ),
    (
        "limit_year_hours",
        "72",
        "hours",
        "2004-12-27",
        "Постановление Правительства РФ от 27.12.2004 № 861, Правила недискриминационного доступа к услугам по передаче электрической энергии, п. 31(6): for category III no more than 24 hours at a time and 72 hours a year (UNVERIFIED: [V2] in the reference)",
    ),
    (
        "p_per_level",
        "0",
        "count",
        "2016-11-29",
        "Методические указания по расчету уровня надежности и качества поставляемых товаров и оказываемых услуг, Приказ Минэнерго России от 29.11.2016 № 1256 (ред. № 544 от 21.06.2017): Пsaidi = Σ T_i·N_i / N_т, Пsaifi = Σ N_i / N_т over points of supply (UNVERIFIED: the minimum duration counted and the exclusions are [U] in the reference; points of supply are counted as customer accounts)",
    ),
]


def forwards(apps, schema_editor):
    Rule = apps.get_model("core", "Rule")
    for key, value, unit, valid_from, source in DEFAULTS:
        Rule.objects.get_or_create(
            namespace=NAMESPACE,
            key=key,
            valid_from=valid_from,
            defaults={"value": value, "unit": unit, "source": source, "verified": False},
        )


def backwards(apps, schema_editor):
    apps.get_model("core", "Rule").objects.filter(namespace=NAMESPACE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reliability", "0001_initial"),
        ("core", "0003_rule"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
