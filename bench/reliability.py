"""Reliability benchmark: a year's indices for a company of 1,000,000 customers and 100,000 records.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gp_reliability_bench \
        /work/main/.venv/bin/python bench/reliability.py

On first run the database (migrated by this script) gets a network of 4 branches,
20 districts, 40 power centres, 500 feeders, 5,000 substations and 20,000 addresses of
50 customer accounts each (1,000,000 customers), a year of about 100,000 interruption
records and the same records again in each of the five years before it (for the 2.5β
major event days).
It then times, on a warm connection:

- the company's indices for the year with major event days (`area_report`), target < 5 s;
- one branch and one feeder for the year;
- the staff table: twelve months per branch and district (`monthly_table`);
- the limits list for the year.
"""

import datetime as dt
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/gp_reliability_bench")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from gridportal.core.models import Branch, Company, District  # noqa: E402
from gridportal.grid.models import (  # noqa: E402
    Feeder,
    PowerCentre,
    ServiceAddress,
    Settlement,
    Street,
    Substation,
)
from gridportal.grid.services import address_build, street_build  # noqa: E402
from gridportal.reliability.choices import AreaKind  # noqa: E402
from gridportal.reliability.demo import generate, network_tps  # noqa: E402
from gridportal.reliability.models import InterruptionRecord  # noqa: E402
from gridportal.reliability.selectors import (  # noqa: E402
    Area,
    area_report,
    limit_rows,
    monthly_table,
)

YEAR = 2025
FIRST, LAST = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)
BRANCHES, DISTRICTS_PER_BRANCH, CENTRES_PER_DISTRICT = 4, 5, 2
# The two centres of a district have 12 and 13 feeders: 500 feeders, 5,000 ТП, 20,000 houses of
# 50 accounts — exactly 1,000,000 customers.
FEEDERS_PER_CENTRE, TPS_PER_FEEDER, HOUSES_PER_TP, CUSTOMERS_PER_HOUSE = (12, 13), 10, 4, 50
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))


def build_network():
    company = Company.objects.create(name="ПАО «Бенчмарк»", short_name="Бенчмарк")
    feeders_total = 0
    for b in range(BRANCHES):
        branch = Branch.objects.create(
            company=company,
            code=f"bench{b}",
            name=f"Филиал {b}",
            region=f"Область {b}",
            latitude=60,
            longitude=30,
        )
        for d in range(DISTRICTS_PER_BRANCH):
            district = District.objects.create(
                branch=branch, code=f"bench{b}-{d}", name=f"РЭС {b}-{d}", latitude=60, longitude=30
            )
            settlement = Settlement.objects.create(
                branch=branch, district=district, name=f"Город {b}-{d}", kind="city"
            )
            street = street_build(settlement=settlement, kind="ул.", name="Ленина")
            street.save()
            tps, houses = [], []
            for c in range(CENTRES_PER_DISTRICT):
                centre = PowerCentre.objects.create(
                    branch=branch,
                    district=district,
                    name=f"ПС {d}-{c}",
                    dispatch_number=f"ПС-{d}-{c}",
                    voltage_kv=110,
                    voltage_levels="110/10",
                )
                feeders = Feeder.objects.bulk_create(
                    Feeder(
                        branch=branch,
                        district=district,
                        power_centre=centre,
                        name=f"Ф-{f}",
                        voltage_kv=10,
                    )
                    for f in range(FEEDERS_PER_CENTRE[c % 2])
                )
                feeders_total += len(feeders)
                for feeder in feeders:
                    for t in range(TPS_PER_FEEDER):
                        tps.append(
                            Substation(
                                branch=branch,
                                district=district,
                                feeder=feeder,
                                name=f"ТП-{d}-{c}-{feeder.name}-{t}",
                                rated_kva=400,
                            )
                        )
            tps = Substation.objects.bulk_create(tps)
            house = 1
            for tp in tps:
                for _h in range(HOUSES_PER_TP):
                    houses.append(
                        address_build(
                            street=street,
                            house=str(house),
                            substation=tp,
                            customer_count=CUSTOMERS_PER_HOUSE,
                        )
                    )
                    house += 1
            ServiceAddress.objects.bulk_create(houses, batch_size=5000)
    return feeders_total


def ensure_data():
    call_command("migrate", verbosity=0)
    if Street.objects.exists():
        return
    started = time.perf_counter()
    with transaction.atomic():
        build_network()
    tps = network_tps()
    print(f"network: {len(tps)} ТП, {sum(t.customers for t in tps):,} customers", flush=True)
    # A fault takes one 0.4 kV line of a ТП: a tenth of its customers (so SAIFI is about 2,
    # not 20). About 3.7 records an event (a third of the faults take a whole feeder).
    lines = [replace(tp, customers=max(1, tp.customers // 10)) for tp in tps]
    year = generate(lines, first=FIRST, last=LAST, events_per_day=49, storm_days=3, seed=1)
    history_shift()
    print(
        f"generated {year['records']:,} records in {YEAR} (and the same again in each of the "
        f"five years before) in {time.perf_counter() - started:.0f} s",
        flush=True,
    )


def history_shift():
    """The five years before: the year's records again, one to five years earlier (SQL)."""
    columns = (
        "event_id, branch_id, district_id, substation_id, feeder_id, power_centre_id, level, "
        "customers, planned, operations, minutes, customer_minutes"
    )
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM reliability_interruptionrecord WHERE started_at < %s", [FIRST])
        for k in range(1, 6):
            cursor.execute(
                f"INSERT INTO reliability_interruptionrecord ({columns}, started_at, restored_at) "
                f"SELECT {columns}, started_at - interval '{k} years', "
                f"restored_at - interval '{k} years' FROM reliability_interruptionrecord "
                "WHERE started_at >= %s AND started_at < %s",
                [FIRST, LAST + dt.timedelta(days=1)],
            )
        cursor.execute("ANALYZE")


def timed(label, fn, target_s=None):
    times, cpu = [], []
    result = None
    for _ in range(REPEAT):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    verdict = ""
    if target_s is not None:
        verdict = "  target < {:.0f} s: {}".format(
            target_s, "OK" if max(times) < target_s else "MISSED"
        )
    print(
        f"{label:<48} median {statistics.median(times):6.2f} s  max {max(times):6.2f} s  "
        f"(our process's CPU {statistics.median(cpu):5.2f} s){verdict}",
        flush=True,
    )
    return result


def main():
    ensure_data()
    year_records = InterruptionRecord.objects.filter(started_at__year=YEAR).count()
    print(f"database: {connection.vendor}, {year_records:,} records in {YEAR}", flush=True)
    print("load average: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()), flush=True)
    report = timed(
        "company, year, with MED (area_report)",
        lambda: area_report(Area(AreaKind.COMPANY), FIRST, LAST),
        target_s=5,
    )
    ix = report.indices
    print(
        f"  customers {ix.customers_served:,}  SAIFI {ix.saifi:.3f}  SAIDI {ix.saidi:.1f} min  "
        f"CAIDI {ix.caidi:.1f}  MAIFI_E {ix.maifi_e:.3f}  Пsaidi {ix.p_saidi['total']:.3f} h  "
        f"T_MED {report.med_threshold:.1f} min  MEDs {[d.isoformat() for d in report.med_days]}  "
        f"SAIDI w/o MED {report.without_med.saidi:.1f}"
    )
    branch = Branch.objects.order_by("pk").first()
    timed("one branch, year", lambda: area_report(Area(AreaKind.BRANCH, branch), FIRST, LAST))
    feeder = Feeder.objects.order_by("pk").first()
    timed("one feeder, year", lambda: area_report(Area(AreaKind.FEEDER, feeder), FIRST, LAST))
    rows = timed(
        "staff table: 12 months × branches and districts",
        lambda: monthly_table(year=YEAR, today=LAST),
    )
    print(f"  {len(rows)} rows")
    limits = timed("limits list, year", lambda: limit_rows(first=FIRST, last=LAST))
    print(
        f"  {len(limits):,} rows (address × breach) at {len({r.address.pk for r in limits}):,} addresses"
    )


if __name__ == "__main__":
    main()
