"""Storm-day benchmark: the hotline look-up through Django and through nginx, and a report storm.

    .venv/bin/python bench/storm.py

Runs on the large demo company (PostgreSQL `gridportal_large`, about 985,600
addresses; never regenerated, grid rows never modified) with the production
shape on one machine: gunicorn (DEBUG off), Redis for the cache and as the
Celery broker, a real Celery worker doing the snapshot rebuilds and static
publishing, nginx serving the published snapshot, wrk as the load generator.
All traffic goes to 127.0.0.1. Phases, each bounded in time:

  (a) trivial Django endpoint (/outages/live/ping)
  (b) Django snapshot look-ups, random substations and random addresses  → (b)/(a), target ≥ 0.8
  (c) nginx serving a fixed small JSON file
  (d) nginx serving the published snapshot, random substation ids        → (d)/(c), target ≥ 0.8
  (e) storm replay: BENCH_REPORTS reports POSTed to /api/v1/outages/reports/ over
      BENCH_WINDOW seconds (real consent flag, random addresses, a few hundred
      substations in a few areas so the roll-up predicts incidents) while wrk
      drives look-ups at the static path and the Django path at the same time.
      Prints reports/s, look-ups/s, p50/p99 of each, and lost reports
      (acknowledged report numbers missing from the database; must be 0).
  (f) the same at the design rate (10,000 reports in 10 minutes, i.e. 16.7/s).

The per-IP report limit (a dated rule row) is raised for the run with rule rows
of its own (source "bench/storm.py") and restored afterwards; X-Forwarded-For is
not used (the application does not trust it). Everything the run creates
(reports, consents, incidents, rule rows, Redis databases 4 and 5, the temporary
directory) is removed at the end, and again at the start of the next run.

Environment: DATABASE_URL, BENCH_REDIS (redis://127.0.0.1:6379), BENCH_WORKERS (3),
BENCH_WORKER_CLASS (gthread), BENCH_THREADS (4), BENCH_PHASE_SECONDS (10),
BENCH_ROUNDS (3, alternating rounds of (a)–(d)), BENCH_REPORTS (10000), BENCH_WINDOW (110),
BENCH_STATIC_RATE (8000) and BENCH_DJANGO_RATE (1000) look-ups/s offered during the storm,
BENCH_DESIGN_REPORTS (2000: phase (f), the storm at the design rate of 10,000 reports
in 10 minutes, 0 skips it), BENCH_LOOKUP_WORKERS (2: Django look-ups during the storm go to their own gunicorn; 0: the
same one as the reports), BENCH_SEED (7), BENCH_KEEP (keep the logs).
"""

from __future__ import annotations

import json
import os
import random
import secrets
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BIN = ROOT / ".venv" / "bin"

DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/gridportal_large")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379")
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))
WORKER_CLASS = os.environ.get("BENCH_WORKER_CLASS", "gthread")
THREADS = int(os.environ.get("BENCH_THREADS", "4"))
PHASE = int(os.environ.get("BENCH_PHASE_SECONDS", "10"))
REPORTS = int(os.environ.get("BENCH_REPORTS", "10000"))
WINDOW = float(os.environ.get("BENCH_WINDOW", "110"))
SEED = int(os.environ.get("BENCH_SEED", "7"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
# Look-ups offered during the storm (per second, at most; wrk paces each connection).
STATIC_RATE = float(os.environ.get("BENCH_STATIC_RATE", "8000"))
DJANGO_RATE = float(os.environ.get("BENCH_DJANGO_RATE", "1000"))
STATIC_CONNECTIONS, DJANGO_CONNECTIONS = 16, 8
# During the storm, Django look-ups go to a separate gunicorn of this many workers (0: the same one).
# (f): the storm again at the design rate, 10,000 reports in 10 minutes (0 reports: skipped).
DESIGN_REPORTS = int(os.environ.get("BENCH_DESIGN_REPORTS", "2000"))
DESIGN_WINDOW = DESIGN_REPORTS / (10_000 / 600)
LOOKUP_WORKERS = int(os.environ.get("BENCH_LOOKUP_WORKERS", "2"))
LOOKUP_POOL = (
    f"own pool of {LOOKUP_WORKERS} gthread workers × 2 threads" if LOOKUP_WORKERS else "same pool"
)
WORK = Path(tempfile.mkdtemp(prefix="gp-storm-bench-"))
WORK.chmod(0o755)  # nginx's workers (another user when started as root) read the snapshot here
PUBLISH = WORK / "publish"

SERVER_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": f"{REDIS}/4",
    "CACHE_KEY_PREFIX": "stormbench",
    "CELERY_BROKER_URL": f"{REDIS}/5",
    "CELERY_TASK_ALWAYS_EAGER": "false",
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(48),
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "STORM_PUBLISH_DIR": str(PUBLISH),
    "LOG_LEVEL": "WARNING",
    "CONN_MAX_AGE": "60",
}
os.environ.update(SERVER_ENV)  # this process shares the database, the cache and the broker

import django  # noqa: E402

django.setup()

# bench/ is the script's folder, so its helper modules import by name.
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from loadgen import (  # noqa: E402
    Storm,
    configure,
    line,
    lua_fixed,
    lua_fixed_random,
    lua_pick,
    lua_pick_list,
    lua_random_bucket,
    lua_random_range,
    merge,
    pace,
    pct,
    ratio,
    report_plan,
    wrk,
    wrk_result,
    wrk_start,
)
from servers import configure as configure_servers  # noqa: E402
from servers import (  # noqa: E402
    free_port,
    nginx_start,
    start,
    stop_all,
    wait_celery,
    wait_http,
)
from storm_data import (  # noqa: E402
    MARK,
    STATE_FILE,
    USER_AGENT,
    choose_storm,
    cleanup,
    raise_limits,
    random_address_ids,
)

from gridportal.grid.models import ServiceAddress, Substation  # noqa: E402
from gridportal.outages.models import Incident, OutageReport  # noqa: E402
from gridportal.outages.storm.services import snapshot_rebuild  # noqa: E402
from gridportal.outages.storm.snapshots import STATUS_BUCKETS  # noqa: E402

configure(workdir=WORK, seconds=PHASE, result_timeout=WINDOW * 10 + 120)
configure_servers(workdir=WORK, root=ROOT, env=SERVER_ENV, publish=PUBLISH)


# --- main ------------------------------------------------------------------------------------


def main() -> None:
    rng = random.Random(SEED)
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}", flush=True)
    leftovers = cleanup()
    if any(leftovers.values()):
        print(f"removed leftovers of an earlier run: {leftovers}")
    import redis

    for db in (4, 5):
        redis.Redis.from_url(f"{REDIS}/{db}").flushdb()

    total_addresses = ServiceAddress.objects.count()
    top_substation = Substation.objects.order_by("-id").values_list("id", flat=True).first()
    low_substation = Substation.objects.order_by("id").values_list("id", flat=True).first()
    print(
        f"company: {total_addresses:,} addresses, {top_substation - low_substation + 1:,} substation ids"
    )
    start_incident = Incident.objects.order_by("-id").values_list("id", flat=True).first() or 0
    STATE_FILE.write_text(json.dumps({"incident_id": start_incident}))

    storm_subs, storm_addresses, n_feeders, n_centres = choose_storm(rng)
    anywhere = random_address_ids(rng, 20_000)
    print(
        f"storm area: {len(storm_subs)} substations on {n_feeders} feeders of "
        f"{n_centres} power centres, {sum(len(v) for v in storm_addresses.values()):,} addresses; "
        f"{len(anywhere):,} random addresses for look-ups"
    )
    t = time.monotonic()
    snapshot = snapshot_rebuild(publish_dir=str(PUBLISH))
    print(
        f"initial snapshot {snapshot.version} built and published in {time.monotonic() - t:.2f} s"
    )

    django_port = free_port()
    worker_args = ["--workers", str(WORKERS), "--worker-class", WORKER_CLASS]
    if WORKER_CLASS == "gthread":
        worker_args += ["--threads", str(THREADS)]
    start(
        "gunicorn",
        [
            str(BIN / "gunicorn"),
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{django_port}",
            *worker_args,
            "--backlog",
            "2048",
            "--keep-alive",
            "5",
            "--log-level",
            "warning",
        ],
    )
    start(
        "celery",
        [
            str(BIN / "celery"),
            "-A",
            "config",
            "worker",
            "--pool",
            "solo",
            "--loglevel",
            "WARNING",
            "--without-gossip",
            "--without-mingle",
        ],
    )
    wait_http(django_port, "/outages/live/ping")
    # Look-ups get a pool of their own: behind report POSTs (row locks, roll-up) they would
    # wait for a free worker thread. In production nginx routes /outages/live/ to it.
    lookup_port = django_port
    if LOOKUP_WORKERS:
        lookup_port = free_port()
        start(
            "gunicorn-lookups",
            [
                str(BIN / "gunicorn"),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{lookup_port}",
                "--workers",
                str(LOOKUP_WORKERS),
                "--worker-class",
                "gthread",
                "--threads",
                "2",
                "--backlog",
                "2048",
                "--log-level",
                "warning",
            ],
        )
        wait_http(lookup_port, "/outages/live/ping")
    nginx_port = nginx_start()
    wait_celery()
    cpus = os.cpu_count()
    print(
        f"servers: gunicorn {WORKERS} {WORKER_CLASS} workers"
        + (f" × {THREADS} threads" if WORKER_CLASS == "gthread" else "")
        + f", nginx 2 workers, Celery worker (solo), Redis, PostgreSQL; {cpus} cores; "
        f"wrk 2 threads; phases of {PHASE} s",
        flush=True,
    )

    lookups = "/outages/live/status.json?"
    # Warm every process: the snapshot copy and the address mapping of the sample.
    wrk("warm-a", django_port, lua_fixed("/outages/live/ping"), seconds=2)
    wrk(
        "warm-addresses",
        django_port,
        lua_pick_list(lookups + "address=", anywhere, anywhere),
        seconds=max(PHASE, 10),
    )

    # Alternating rounds: the machine is shared, so each pair is measured side by side.
    django_lua = {
        "a": lua_fixed_random("/outages/live/ping", low_substation, top_substation),
        "b-sub": lua_random_range(lookups + "substation=", low_substation, top_substation),
        "b-addr": lua_pick_list(lookups + "address=", anywhere, anywhere),
    }
    nginx_lua = {
        "c": lua_fixed_random("/bench/small.json", low_substation, top_substation),
        "d": lua_random_range(
            "/outages/static/status/substation/", low_substation, top_substation, ".json"
        ),
        "d-bucket": lua_random_bucket(
            "/outages/static/status/bucket/", low_substation, top_substation, STATUS_BUCKETS
        ),
    }
    runs: dict[str, list[dict]] = {name: [] for name in [*django_lua, *nginx_lua]}
    labels = {
        "a": "(a) trivial endpoint /outages/live/ping",
        "b-sub": "(b) look-up, random substation",
        "b-addr": "(b) look-up, random address (mapping warm)",
        "c": "(c) nginx, fixed small JSON file",
        "d": "(d) nginx, published snapshot, random substation file",
        "d-bucket": "(d) nginx, published snapshot, random substation's bucket",
    }
    print(f"\nDjango (gunicorn) and nginx, {ROUNDS} alternating rounds:")
    for round_no in range(1, ROUNDS + 1):
        for name, lua in django_lua.items():
            runs[name].append(wrk(f"{name}-{round_no}", django_port, lua))
            line(f"{labels[name]} #{round_no}", runs[name][-1])
        for name, lua in nginx_lua.items():
            runs[name].append(wrk(f"{name}-{round_no}", nginx_port, lua, connections=64))
            line(f"{labels[name]} #{round_no}", runs[name][-1])
    total = {name: merge(results) for name, results in runs.items()}
    print("all rounds together:")
    for name in runs:
        line(labels[name], total[name])
    ratio("(b)/(a) substations", total["b-sub"], total["a"])
    ratio("(b)/(a) addresses", total["b-addr"], total["a"])
    ratio("(d)/(c) substation files", total["d"], total["c"])
    ratio("(d)/(c) bucket files (the storm path)", total["d-bucket"], total["c"])
    # The machine is shared: a neighbour's burst can halve one phase. Side-by-side rounds
    # are compared pairwise; the median of the pairs is the robust figure.
    for label, top, bottom in (
        ("(b)/(a) substations", "b-sub", "a"),
        ("(b)/(a) addresses", "b-addr", "a"),
        ("(d)/(c) substation files", "d", "c"),
        ("(d)/(c) bucket files", "d-bucket", "c"),
    ):
        pairs = [t["rps"] / b["rps"] for t, b in zip(runs[top], runs[bottom], strict=True)]
        print(
            f"  → {label} per round: {', '.join(f'{p:.2f}' for p in pairs)}; "
            f"median {statistics.median(pairs):.2f}"
        )

    # --- (e) the storm, (f) the same at the design rate ------------------------------------
    raise_limits()
    hot_addresses = [a for subs in storm_addresses.values() for a in subs]
    acks: list[int] = []

    def storm_phase(label: str, count: int, window: float, offset: int) -> None:
        plan = report_plan(rng, storm_subs, storm_addresses, anywhere, count, offset, comment=MARK)
        print(
            f"\n{label}: {count:,} reports over {window:.0f} s ({count / window:.1f}/s offered), "
            f"look-ups offered at up to {STATIC_RATE:,.0f}/s static and {DJANGO_RATE:,.0f}/s Django",
            flush=True,
        )
        tag = label[1]
        static_wrk = wrk_start(
            f"{tag}-static",
            nginx_port,
            lua_pick(
                "/outages/static/status/substation/",
                storm_subs,
                low_substation,
                top_substation,
                ".json",
                pace=pace(STATIC_RATE, STATIC_CONNECTIONS),
            ),
            threads=1,
            connections=STATIC_CONNECTIONS,
            seconds=window * 10,  # stopped when the last report is answered
        )
        django_wrk = wrk_start(
            f"{tag}-django",
            lookup_port,
            lua_pick_list(
                lookups + "address=",
                hot_addresses,
                anywhere,
                pace=pace(DJANGO_RATE, DJANGO_CONNECTIONS),
            ),
            threads=1,
            connections=DJANGO_CONNECTIONS,
            seconds=window * 10,
        )
        storm = Storm(django_port, plan, window, user_agent=USER_AGENT)
        elapsed = storm.run()
        for proc in (static_wrk, django_wrk):
            proc.send_signal(signal.SIGINT)  # wrk stops and prints its summary
        es, ed = wrk_result(static_wrk), wrk_result(django_wrk)
        acked = len(storm.acks)
        acks.extend(storm.acks)
        print(
            f"  reports: {acked:,} acknowledged of {count:,} in {elapsed:.1f} s "
            f"= {acked / elapsed:,.1f} reports/s; p50 {pct(storm.latencies, 50) * 1000:.0f} ms, "
            f"p99 {pct(storm.latencies, 99) * 1000:.0f} ms; "
            f"statuses {dict(sorted(storm.statuses.items()))}; "
            f"connection failures {storm.failures}"
        )
        line("look-ups, static path (nginx)", es)
        line(f"look-ups, Django path (addresses, {LOOKUP_POOL})", ed)
        for name, r in (("static", es), ("Django", ed)):
            verdict = "meets" if r["p99_us"] < 100_000 else "MISSES"
            print(
                f"  → {name} look-up p99 {r['p99_us'] / 1000:.1f} ms {verdict} the target < 100 ms"
            )
        per_report = (es["requests"] + ed["requests"]) / max(acked, 1)
        print(f"  look-ups per report during the phase: {per_report:,.0f}", flush=True)

    # A running look-up pool is warm: its snapshot copy and the address buckets it serves.
    wrk(
        "warm-lookups",
        lookup_port,
        lua_pick_list(lookups + "address=", hot_addresses, anywhere),
        seconds=max(PHASE, 10),
    )
    if REPORTS:  # BENCH_REPORTS=0: only the throughput ratios (a)–(d)
        storm_phase("(e) storm replay", REPORTS, WINDOW, 0)
    if DESIGN_REPORTS:
        storm_phase(
            "(f) the design rate (10,000 in 10 min)", DESIGN_REPORTS, DESIGN_WINDOW, REPORTS
        )

    # Settle: the last rebuild after the last report, then check what the public sees.
    time.sleep(4)
    print("\nafter the storm:")
    stored = set(OutageReport.objects.filter(pk__in=acks).values_list("pk", flat=True))
    lost = len(set(acks) - stored)
    print(f"  lost reports (acknowledged, not in the database): {lost} of {len(acks):,}")
    predicted = Incident.objects.filter(
        pk__gt=start_incident, status__in=["predicted", "confirmed"]
    )
    by_level = dict(predicted.values("level").annotate(n=Count("id")).values_list("level", "n"))
    version = cache.get("storm:current")
    current = os.readlink(PUBLISH / "current") if (PUBLISH / "current").is_symlink() else "-"
    published = len(list((PUBLISH / "current" / "status" / "substation").glob("*.json")))
    print(
        f"  roll-up: {predicted.count()} live incidents {by_level}; snapshot {version}, "
        f"published {current} with {published} substation answers"
    )
    rebuilds = (WORK / "celery.log").read_text(errors="replace").count("ERROR")
    print(f"  Celery worker errors: {rebuilds}")


if __name__ == "__main__":
    try:
        main()
    finally:
        stop_all()
        try:
            removed = cleanup()
            print(f"\ncleaned up: {removed}")
        except Exception as error:  # pragma: no cover - report, do not hide the numbers
            print(f"\ncleanup failed: {error!r}; it runs again at the start of the next run")
        import redis

        for db in (4, 5):
            redis.Redis.from_url(f"{REDIS}/{db}").flushdb()
        if os.environ.get("BENCH_KEEP"):
            print(f"logs kept in {WORK}")
        else:
            shutil.rmtree(WORK, ignore_errors=True)
