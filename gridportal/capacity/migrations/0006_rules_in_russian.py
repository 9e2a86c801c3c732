"""The capacity rules' sources in Russian (the language of the documents they cite), and the
rules of the honest «where can I connect» answer and the larger control measurement.

A row whose source is still the text shipped in 0003 gets the Russian text; a source an
administrator wrote is left alone. The «not verified» mark is the row's `verified` flag,
shown by the method page in the reader's language, not a word inside the source.
"""

from django.db import migrations

NAMESPACE = "capacity"
SINCE = "2014-05-06"

OLD_TO_NEW = {
    "k_overload 1.4: post-emergency overload of two-transformer substations, historical "
    "practice after ГОСТ 14209 and ПТЭ (UNVERIFIED; since 2019 the Минэнерго requirements "
    "for transformer overload capacity make it depend on temperature and duration — check "
    "the company's СТО).": "k_перегр 1,4: послеаварийная перегрузка двухтрансформаторных "
    "подстанций, практика по ГОСТ 14209 и ПТЭ; с 2019 года требования Минэнерго к "
    "перегрузочной способности трансформаторов связывают её с температурой и длительностью — "
    "сверить с СТО компании.",
    "Coincidence factor 0.9: placeholder in the spirit of Приказ Минэнерго России от "
    "06.05.2014 N 250 (coincidence factors of maximum consumption), which gives factors by "
    "the number and kind of consumers (UNVERIFIED value).": "Коэффициент совмещения 0,9: "
    "условное значение в духе приказа Минэнерго России от 06.05.2014 № 250 (коэффициенты "
    "совмещения максимума потребления по числу и виду потребителей).",
    "cos φ 0.9: typical planning value (UNVERIFIED).": "cos φ 0,9: типичное значение для "
    "расчётов при планировании.",
    "Постановление Правительства РФ от 27.12.2004 № 861 (Правила технологического "
    "присоединения), п. 14: applicants up to 15 kW inclusive (UNVERIFIED).": "Постановление "
    "Правительства РФ от 27.12.2004 № 861 (Правила технологического присоединения), п. 14: "
    "заявители до 15 кВт включительно.",
    "Threshold 0 MVA: a centre is open while its reserve is positive (industry method, "
    "UNVERIFIED).": "Порог 0 МВА: центр питания открыт, пока его резерв положителен "
    "(отраслевая методика).",
}

# Frozen copy of the new rules.SPECS entries: key, value, unit, source.
NEW = [
    (
        "control_window_months",
        "12",
        "count",
        "Постановление Правительства РФ от 21.01.2004 № 24 (стандарты раскрытия информации), "
        "п. 19: результаты контрольных замеров дважды в год — зимний и летний режимные дни; "
        "резерв считается по большему из замеров за 12 месяцев.",
    ),
    (
        "lv_connection_kw",
        "150",
        "kw",
        "Постановление Правительства РФ от 27.12.2004 № 861 (Правила технологического "
        "присоединения), п. 12(1): заявители до 150 кВт, 0,4 кВ.",
    ),
    ("mv_search_km", "10", "count", "Практика планирования сетей 6–20 кВ: до 10 км."),
    ("hv_search_km", "30", "count", "Практика планирования сетей 35–110 кВ: до 30 км."),
]


def forwards(apps, schema_editor):
    Rule = apps.get_model("core", "Rule")
    for old, new in OLD_TO_NEW.items():
        Rule.objects.filter(namespace=NAMESPACE, source=old).update(source=new)
    for key, value, unit, source in NEW:
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
    Rule = apps.get_model("core", "Rule")
    for old, new in OLD_TO_NEW.items():
        Rule.objects.filter(namespace=NAMESPACE, source=new).update(source=old)
    Rule.objects.filter(namespace=NAMESPACE, key__in=[n[0] for n in NEW]).delete()


class Migration(migrations.Migration):
    dependencies = [("capacity", "0005_capacityimport"), ("core", "0003_rule")]
    operations = [migrations.RunPython(forwards, backwards)]
