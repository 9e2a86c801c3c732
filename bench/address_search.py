"""Address typeahead benchmark on the large demo company (about 1,000,000 addresses).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gridportal_large python bench/address_search.py

Creates the large company if the database has none (seed_demo --scale large), then
runs realistic typeahead queries built from random addresses: full written form,
words in another order, abbreviations spelled out, ё/е and case, a typo in the
street, a half-typed street name. Prints count, p50, p99 and the share of queries
whose intended address is in the top 5. Target: p99 under 50 ms on PostgreSQL.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/gridportal_large")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from gridportal.grid.models import ServiceAddress  # noqa: E402
from gridportal.grid.search import address_search  # noqa: E402

QUERIES = int(os.environ.get("BENCH_QUERIES", "3000"))
SEED = int(os.environ.get("BENCH_SEED", "42"))


def typo(rng, word):
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    action = rng.choice(["swap", "drop", "replace"])
    if action == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if action == "drop":
        return word[:i] + word[i + 1 :]
    return word[:i] + rng.choice("аеиоу") + word[i + 1 :]


def variants(rng, a):
    town = a.street.settlement.name
    kind, street, house = a.street.kind, a.street.name, a.house
    yield "full", f"{a.street.settlement.label}, {kind} {street}, д. {house}"
    yield "reordered", f"{street} {house} {town}".lower()
    yield "spelled out", f"город {town} улица {street} дом {house}"
    yield "yo and case", f"{town} {street} {house}".replace("ё", "е").upper()
    yield "typo", f"{town} {typo(rng, street)} {house}"
    cut = max(3, int(len(street) * 0.6))
    yield "half-typed", f"{town} {street[:cut]}"


def main():
    if not ServiceAddress.objects.exists():
        print("No company in this database: generating the large demo company…", flush=True)
        call_command("seed_demo", scale="large", seed=1)
    total = ServiceAddress.objects.count()
    print(f"database: {connection.vendor}, {total:,} addresses")
    rng = random.Random(SEED)
    max_id = ServiceAddress.objects.order_by("-id").values_list("id", flat=True).first()
    samples = []
    while len(samples) < QUERIES:
        ids = [rng.randint(1, max_id) for _ in range(200)]
        for a in ServiceAddress.objects.filter(id__in=ids).select_related("street__settlement"):
            for label, query in variants(rng, a):
                samples.append((label, query, a))
    samples = samples[:QUERIES]
    rng.shuffle(samples)
    # Warm up connections and caches the way a running server would be.
    for _label, query, a in samples[:50]:
        address_search(query=query, limit=5, branch_id=a.branch_id)

    times, hits, by_kind = [], 0, {}
    for label, query, a in samples:
        started = time.perf_counter()
        # The visitor is on their region's pages (the branch selector), as on a real portal.
        results = address_search(query=query, limit=10, branch_id=a.branch_id)
        elapsed = (time.perf_counter() - started) * 1000
        times.append(elapsed)
        top5 = [r.pk for r in results[:5]]
        # A half-typed street has no house yet: its street in the top 5 counts.
        if label == "half-typed":
            found = any(r.street_id == a.street_id for r in results[:5])
        else:
            found = a.pk in top5
        hits += found
        stats = by_kind.setdefault(label, [0, 0, []])
        stats[0] += 1
        stats[1] += found
        stats[2].append(elapsed)

    def p(values, q):
        return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]

    print(f"queries: {len(times)}")
    print(f"p50: {p(times, 50):.1f} ms  p99: {p(times, 99):.1f} ms  max: {max(times):.1f} ms")
    print(f"intended address in top 5: {hits / len(times):.1%}")
    for label, (count, found, values) in sorted(by_kind.items()):
        print(
            f"  {label:12s} n={count:5d}  top5={found / count:6.1%}  "
            f"p50={p(values, 50):6.1f} ms  p99={p(values, 99):6.1f} ms"
        )
    through_the_api(samples[:1000])


def through_the_api(samples):
    """The same queries through GET /api/v1/addresses/ (routing, validation, JSON)."""
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    client = Client()
    codes = dict(ServiceAddress.objects.values_list("branch_id", "branch__code").distinct())
    times = []
    for _label, query, a in samples:
        started = time.perf_counter()
        response = client.get("/api/v1/addresses/", {"q": query, "branch": codes[a.branch_id]})
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content[:200]
    q = statistics.quantiles(times, n=100)
    print(f"through the API: {len(times)} requests  p50: {q[49]:.1f} ms  p99: {q[98]:.1f} ms")


if __name__ == "__main__":
    main()
