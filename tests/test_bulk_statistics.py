"""Every bulk load leaves PostgreSQL's planner statistics fresh (ANALYZE of what it filled).

Without them a freshly loaded database plans address look-ups blind (p99 ≈ 115 ms on the
large demo company instead of ≈ 13 ms). `last_analyze` is set only by an explicit ANALYZE,
never by autovacuum (that is `last_autoanalyze`), so these tests fail without the hooks.
"""

import pytest
from django.core.management import call_command
from django.db import connection

from gridportal.capacity.models import LoadMeasurement
from gridportal.core.bulk import analyze
from gridportal.grid.models import Feeder, PowerCentre, PowerTransformer, ServiceAddress
from gridportal.testing.factories import DistrictFactory

postgres_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="planner statistics are PostgreSQL's"
)

POWER_CENTRES = """branch,district,dispatch_number,name,voltage_kv,voltage_levels,latitude,longitude
karelia,kar-1,ПС-1,ПС 110 кВ «Северная»,110,110/35/10,61.80,34.35
"""
TRANSFORMERS = "branch;power_centre;name;rated_mva;voltage\nkarelia;ПС-1;Т-1;25;110/10\n"
MEASUREMENTS = "ЦП;Трансформатор;Нагрузка, МВА;Дата замера;Филиал\nПС-1;Т-1;4;17.06.2026;karelia\n"


def database_now():
    with connection.cursor() as cursor:
        cursor.execute("SELECT clock_timestamp()")
        return cursor.fetchone()[0]


def analysed_since(model, moment) -> bool:
    when = last_analyzed(model)
    return when is not None and when >= moment


def last_analyzed(model):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = %s",
            [model._meta.db_table],
        )
        return cursor.fetchone()[0]


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_grid_and_measurement_imports_analyse_their_tables(branch, tmp_path):
    DistrictFactory(branch=branch, code="kar-1")
    started = database_now()
    assert not analysed_since(PowerCentre, started)
    for kind, text in (("power_centres", POWER_CENTRES), ("transformers", TRANSFORMERS)):
        path = tmp_path / f"{kind}.csv"
        path.write_text(text, encoding="utf-8")
        call_command("import_grid", kind, str(path))
    assert analysed_since(PowerCentre, started)
    assert analysed_since(PowerTransformer, started)

    started = database_now()
    assert not analysed_since(LoadMeasurement, started)
    path = tmp_path / "june.csv"
    path.write_text(MEASUREMENTS, encoding="utf-8")
    call_command("import_measurements", str(path))
    assert LoadMeasurement.objects.count() == 1
    assert analysed_since(LoadMeasurement, started)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_seed_demo_analyses_the_company_it_generated():
    started = database_now()
    assert not analysed_since(ServiceAddress, started)
    call_command("seed_demo", scale="tiny", verbosity=0)
    assert ServiceAddress.objects.exists()
    assert analysed_since(ServiceAddress, started)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE relname = %s",
            [ServiceAddress._meta.db_table],
        )
        assert cursor.fetchone()[0] == 0


@pytest.mark.django_db
def test_analyze_is_a_no_op_elsewhere():
    if connection.vendor == "postgresql":
        assert analyze([Feeder]) == [Feeder._meta.db_table]
    else:
        assert analyze([Feeder]) == []
