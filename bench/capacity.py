"""Capacity benchmark on the large demo company: recalculation, map page, map data, «where can I connect».

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gridportal_large .venv/bin/python bench/capacity.py

The database must hold the large company (`manage.py seed_demo --scale large`) and its capacity
data (`manage.py seed_capacity_demo`). Targets: recalculating every centre < 5 s, map data < 300 ms.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/gridportal_large")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from decimal import Decimal  # noqa: E402

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from gridportal.capacity import selectors, services  # noqa: E402
from gridportal.capacity.models import CapacityAssessment  # noqa: E402
from gridportal.grid.models import PowerCentre, Substation  # noqa: E402


def timed(fn, repeat):
    times = []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def line(label, times, target_ms=None, extra=""):
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    verdict = ""
    if target_ms is not None:
        verdict = "  target < {:.0f} ms: {}".format(
            target_ms, "OK" if statistics.median(times) < target_ms else "MISSED"
        )
    print(
        f"{label:<44} n={len(times):<3} median {statistics.median(times):>8.1f} ms  p95 {p95:>8.1f} ms  min {times[0]:>8.1f} ms{verdict}{extra}"
    )


def get(client, url):
    def run():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    return run


def main():
    setup_test_environment()
    centres = PowerCentre.objects.count()
    substations = Substation.objects.count()
    if not CapacityAssessment.objects.filter(snapshot__isnull=True).exists():
        sys.exit("No capacity data: run `manage.py seed_capacity_demo` on this database first.")
    print(
        "database: {} {} — {} power centres, {} substations".format(
            connection.vendor, connection.settings_dict["NAME"], centres, substations
        )
    )

    times, count = timed(lambda: services.capacity_recalculate(), 5)
    line(f"recalculate all centres ({count})", times, 5000)

    client = Client()
    client.cookies["django_language"] = "ru"
    client.get("/capacity/")  # warm up templates and connections
    line("public map page /capacity/", timed(get(client, "/capacity/"), 20)[0])
    line(
        "map page filtered (branch, open, ≥5 MVA)",
        timed(get(client, "/capacity/?status=open&min_reserve=5&branch=karelia"), 20)[0],
    )
    times, response = timed(get(client, "/capacity/map.geojson"), 20)
    line("map data /capacity/map.geojson", times, 300, f"  ({len(response.content) // 1024} kB)")
    times, response = timed(get(client, "/capacity/power-centres.geojson"), 5)
    line("download GeoJSON (all fields)", times, None, f"  ({len(response.content) // 1024} kB)")
    line("download CSV", timed(get(client, "/capacity/power-centres.csv"), 5)[0])
    line("download XLSX", timed(get(client, "/capacity/power-centres.xlsx"), 3)[0])
    pc = PowerCentre.objects.order_by("id").first()
    line(
        "power-centre page with «can I connect 100 kW»",
        timed(get(client, f"/capacity/centres/{pc.pk}/?kw=100"), 20)[0],
    )
    line(
        "API /api/v1/power-centres/?status=open",
        timed(get(client, "/api/v1/power-centres/?status=open"), 10)[0],
    )

    rng = random.Random(7)
    points = list(PowerCentre.objects.exclude(latitude=None).values_list("latitude", "longitude"))
    samples = [
        (lat + rng.uniform(-0.3, 0.3), lon + rng.uniform(-0.3, 0.3))
        for lat, lon in rng.sample(points, 30)
    ]
    it = iter(samples * 2)

    def nearby_selector():
        lat, lon = next(it)
        return selectors.nearest_centres(latitude=lat, longitude=lon, requested_kw=Decimal(500))

    line("where can I connect 500 kW (selector)", timed(nearby_selector, 30)[0])
    it2 = iter(samples)

    def nearby_page():
        lat, lon = next(it2)
        response = client.get(f"/capacity/nearby/?kw=10&lat={lat:.5f}&lon={lon:.5f}")
        assert response.status_code == 200
        return response

    line("where can I connect 10 kW page (+ТП)", timed(nearby_page, 30)[0])


if __name__ == "__main__":
    main()
