"""Several app nodes on one PostgreSQL (with a streaming read replica) and one Redis.

    .venv/bin/python bench/cluster.py

Starts on loopback, all in a temporary folder: a PostgreSQL primary and a replica made
with pg_basebackup (bench/cluster_pg.py; the shared server is not touched), a demo
company (`seed_demo --scale BENCH_SCALE`), two gunicorn nodes (each with
DATABASE_REPLICA_URL), a Celery worker and a Celery beat, nginx balancing the nodes and
serving the published storm files, Redis (database BENCH_REDIS_DB, flushed before and
after). Then prints, from one run:

  1. throughput, alternating rounds through nginx: report intake (POST
     /api/v1/outages/reports/) vs a trivial Django endpoint that inserts one row (same
     stack, bench/cluster_urls.py) with 32 connections → ratio (target ≥ 0.5) and intake
     p99 (< 200 ms) at saturation and paced to 3/4 of that rate; the two again at full
     speed with BENCH_FEW_CONNECTIONS (8) → ratio and intake p99;
     look-ups: Django path (/outages/live/status.json) vs a trivial Django GET, static path
     (published snapshot) vs a fixed nginx file (targets ≥ 0.8), and the replica-read
     look-up page (/outages/status/) for information;
  2. roll-up lag (report persisted → rolled up, from the database) p50/p99 at the maximum
     intake rate of (1) (target ≤ 10 s) and at the design storm rate, 10,000 reports in
     10 minutes (target ≤ 2 s);
  3. cross-node visibility: a danger report through node 1 until node 2's storm answer
     shows it (target < 2 s), every other one after a quiet 2.5 s;
  4. faults during a report storm: one app node killed (SIGKILL), the Celery worker killed
     and restarted, the replica stopped — acknowledged reports lost (must be 0), reports
     left unplaced after the sweep (must be 0), and what the clients saw.

Environment: BENCH_SCALE (medium), BENCH_PHASE_SECONDS (8), BENCH_ROUNDS (2),
BENCH_WARM_SECONDS (3: each Django endpoint of (1) first, not counted),
BENCH_DESIGN_SECONDS (60), BENCH_FAULT_SECONDS (30), BENCH_FAULT_RATE (25 reports/s),
BENCH_NODE_WORKERS (2 gthread × 4 threads per node), BENCH_REDIS (redis://127.0.0.1:6379),
BENCH_REDIS_DB (5), BENCH_FEW_CONNECTIONS (8: the intake and the trivial insert again at full
speed with fewer senders than the nodes have threads), BENCH_SEED (7), BENCH_KEEP (keep the
folder and logs), BENCH_ONLY (`throughput`: stop after 1 and 2, for trying a change).
"""

from __future__ import annotations

import contextlib
import os
import random
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))
BIN = Path(sys.executable).parent

SCALE = os.environ.get("BENCH_SCALE", "medium")
PHASE = int(os.environ.get("BENCH_PHASE_SECONDS", "8"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
DESIGN_SECONDS = float(os.environ.get("BENCH_DESIGN_SECONDS", "60"))
FAULT_SECONDS = float(os.environ.get("BENCH_FAULT_SECONDS", "30"))
FAULT_RATE = float(os.environ.get("BENCH_FAULT_RATE", "25"))
NODE_WORKERS = int(os.environ.get("BENCH_NODE_WORKERS", "2"))
WARM_SECONDS = float(os.environ.get("BENCH_WARM_SECONDS", "3"))
NODE_THREADS = int(os.environ.get("BENCH_NODE_THREADS", "4"))
FEW_CONNECTIONS = int(os.environ.get("BENCH_FEW_CONNECTIONS", "8"))
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379")
REDIS_DB = int(os.environ.get("BENCH_REDIS_DB", "5"))
SEED = int(os.environ.get("BENCH_SEED", "7"))
SWEEP_AFTER = 10  # seconds (OUTAGES_ROLLUP_SWEEP_AFTER of the nodes; production: 60)
MARK = "bench/cluster.py"

WORK = Path(tempfile.mkdtemp(prefix="gp-cluster-bench-"))
WORK.chmod(0o755)  # postgres and nginx's workers read and write below it
PUBLISH = WORK / "publish"

from cluster_pg import Postgres  # noqa: E402
from servers import configure as configure_servers  # noqa: E402
from servers import free_port, start, stop_all, wait_http  # noqa: E402

PRIMARY = Postgres("primary", WORK, free_port())
REPLICA = Postgres("replica", WORK, free_port())
ENV = {
    "DJANGO_SETTINGS_MODULE": "cluster_settings",
    "PYTHONPATH": f"{BENCH}:{ROOT}",
    "DATABASE_URL": PRIMARY.url,
    "DATABASE_REPLICA_URL": REPLICA.url + "?connect_timeout=1",
    "REDIS_URL": f"{REDIS}/{REDIS_DB}",
    "CACHE_KEY_PREFIX": "clusterbench",
    "CELERY_BROKER_URL": f"{REDIS}/{REDIS_DB}",
    "CELERY_TASK_ALWAYS_EAGER": "false",
    "OUTAGES_ROLLUP_SWEEP_AFTER": str(SWEEP_AFTER),
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(48),
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "TRUSTED_PROXIES": "127.0.0.1/32",
    "STORM_PUBLISH_DIR": str(PUBLISH),
    "STATIC_ROOT": str(WORK / "static"),
    "LOG_LEVEL": "WARNING",
    "CONN_MAX_AGE": "60",
    **{k: v for k, v in os.environ.items() if k.startswith("OUTAGES_ROLLUP_")},
}
configure_servers(workdir=WORK, root=ROOT, env=ENV, publish=PUBLISH)
NODES: dict[str, dict] = {}  # name → {"port": …, "proc": …}
SERVICES: dict[str, subprocess.Popen] = {}


def manage(*args: str) -> None:
    subprocess.run(
        [str(BIN / "python"), "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **ENV},
        check=True,
        stdout=subprocess.DEVNULL,
    )


def node_start(name: str, port: int | None = None) -> None:
    port = port or free_port()
    proc = start(
        name,
        [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}"]
        + [
            "--workers",
            str(NODE_WORKERS),
            "--worker-class",
            "gthread",
            "--threads",
            str(NODE_THREADS),
        ]
        + ["--backlog", "2048", "--keep-alive", "5", "--log-level", "warning"],
    )
    NODES[name] = {"port": port, "proc": proc}
    wait_http(port, "/outages/live/ping", timeout=60, proc=None)


def kill_group(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # our own child's process group, by id
    proc.wait(timeout=10)


def worker_start() -> None:
    SERVICES["worker"] = start(
        f"celery-worker-{time.monotonic_ns()}",
        [str(BIN / "celery"), "-A", "config", "worker", "--concurrency", "2"]
        + ["--loglevel", "WARNING", "--without-gossip", "--without-mingle"],
    )


def nginx_start(nodes: list[int]) -> int:
    (WORK / "nginx" / "tmp").mkdir(parents=True, exist_ok=True)
    fixed = WORK / "fixed"
    fixed.mkdir(exist_ok=True)
    (fixed / "small.json").write_bytes(b'{"state":"none","incident":null,"planned":[]}')
    include = (ROOT / "deploy/nginx/gridportal-storm.conf").read_text()
    include = include.replace("/srv/gridportal/storm", str(PUBLISH))
    port = free_port()
    upstream = "".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;\n" for p in nodes)
    conf = WORK / "nginx" / "nginx.conf"
    conf.write_text(
        f"""worker_processes 2;
daemon off;
pid {WORK}/nginx/nginx.pid;
error_log {WORK}/nginx/error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {WORK}/nginx/tmp/body;
  proxy_temp_path {WORK}/nginx/tmp/proxy;
  fastcgi_temp_path {WORK}/nginx/tmp/fastcgi;
  uwsgi_temp_path {WORK}/nginx/tmp/uwsgi;
  scgi_temp_path {WORK}/nginx/tmp/scgi;
  keepalive_requests 100000;
  open_file_cache max=200000 inactive=30s;
  open_file_cache_valid 1s;
  upstream nodes {{
{upstream}    keepalive 64;
  }}
  server {{
    listen 127.0.0.1:{port} backlog=4096;
    location = /bench/small.json {{
      root {fixed};
      rewrite ^ /small.json break;
      default_type application/json;
      etag on;
      add_header Cache-Control "public, max-age=15, stale-while-revalidate=30" always;
      add_header Access-Control-Allow-Origin "*" always;
    }}
{include}
    location / {{
      proxy_pass http://nodes;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout http_502;
      proxy_connect_timeout 1s;
      proxy_read_timeout 35s;
    }}
  }}
}}
"""
    )
    start("nginx", ["/usr/sbin/nginx", "-c", str(conf), "-p", str(WORK / "nginx")])
    wait_http(port, "/bench/small.json", timeout=15)
    return port


def setup() -> tuple[int, dict]:
    import redis

    redis.Redis.from_url(f"{REDIS}/{REDIS_DB}").flushdb()
    t = time.monotonic()
    PRIMARY.initdb()
    PRIMARY.start()
    PRIMARY.sql("CREATE DATABASE gridportal", database="postgres")
    manage("migrate", "--noinput")
    manage("seed_demo", "--scale", SCALE)
    manage("seed_outages_demo", "--if-empty")
    manage("collectstatic", "--noinput")
    PRIMARY.sql("CREATE TABLE bench_insert (id bigserial PRIMARY KEY, body text, at timestamptz)")
    PRIMARY.sql("ALTER TABLE bench_insert ALTER COLUMN at SET DEFAULT now()")
    print(f"primary on :{PRIMARY.port}, {SCALE} company seeded in {time.monotonic() - t:.0f} s")
    t = time.monotonic()
    REPLICA.basebackup_from(PRIMARY)
    REPLICA.start()
    print(f"replica on :{REPLICA.port} (pg_basebackup -R) in {time.monotonic() - t:.1f} s")

    os.environ.update(ENV)
    import django

    django.setup()
    from storm_data import raise_limits

    from gridportal.outages.storm.services import snapshot_rebuild

    raise_limits()
    snapshot_rebuild(publish_dir=str(PUBLISH))
    node_start("node-1")
    node_start("node-2")
    worker_start()
    SERVICES["beat"] = start(
        "celery-beat",
        [str(BIN / "celery"), "-A", "config", "beat", "--loglevel", "WARNING"]
        + ["--schedule", str(WORK / "beat-schedule")],
    )
    from servers import wait_celery

    wait_celery()
    port = nginx_start([NODES["node-1"]["port"], NODES["node-2"]["port"]])
    print(
        f"servers: 2 gunicorn nodes ({NODE_WORKERS} gthread workers × 4 threads each), Celery "
        f"worker (prefork, 2) and beat, nginx (2 workers) on :{port}, Redis db {REDIS_DB}; "
        f"{os.cpu_count()} cores, shared with the load generators"
    )
    return port, _data()


def _data() -> dict:
    from django.db.models import Max, Min

    from gridportal.grid.models import ServiceAddress, Substation
    from gridportal.outages.models import IncidentSubstation

    rng = random.Random(SEED)
    out = set(IncidentSubstation.objects.values_list("substation_id", flat=True))
    quiet = list(
        ServiceAddress.objects.filter(substation__isnull=False)
        .exclude(substation_id__in=out)
        .values_list("id", "substation_id")
    )
    rng.shuffle(quiet)
    subs = Substation.objects.aggregate(low=Min("id"), high=Max("id"))
    # A storm hits a few areas: the reports come from the addresses of 60 substations.
    areas = sorted({s for _a, s in quiet})
    hit = set(rng.sample(areas, min(60, len(areas))))
    storm = [a for a, s in quiet if s in hit]
    return {
        "storm": storm,
        "anywhere": [a for a, _s in quiet[:5000]],
        "probe": [(a, s) for a, s in quiet if s not in hit],
        "low": subs["low"],
        "high": subs["high"],
    }


# --- main --------------------------------------------------------------------------------


def replica_stop() -> None:
    REPLICA.stop(mode="immediate")


def replica_restart() -> None:
    REPLICA.start()


def node_kill() -> None:
    kill_group(NODES["node-1"]["proc"])


def node_restart() -> None:
    node_start("node-1", port=NODES["node-1"]["port"])


def worker_kill_and_restart() -> None:
    kill_group(SERVICES["worker"])
    worker_start()


def replica_reads() -> int:
    row = "SELECT xact_commit FROM pg_stat_database WHERE datname = 'gridportal'"
    return int(REPLICA.sql(row) or 0)


def main() -> None:
    import loadgen

    loadgen.configure(workdir=WORK, seconds=PHASE, result_timeout=600)
    port, data = setup()
    import cluster_phases as phases

    phases.configure(
        phase=PHASE,
        rounds=ROUNDS,
        warm_up=WARM_SECONDS,
        design_seconds=DESIGN_SECONDS,
        fault_seconds=FAULT_SECONDS,
        fault_rate=FAULT_RATE,
        few_connections=FEW_CONNECTIONS,
    )
    print(
        f"data: {len(data['storm']):,} storm addresses (60 substations), "
        f"{len(data['anywhere']):,} addresses for look-ups"
    )
    served = replica_reads()
    phases.throughput(port, data)
    print(f"  the replica answered {replica_reads() - served:,} transactions (the look-up pages)")
    if os.environ.get("BENCH_ONLY") == "throughput":
        return
    phases.design_storm(port, data)
    phases.visibility(data, NODES["node-1"]["port"], NODES["node-2"]["port"])
    print(f"\n4. faults during a storm of {FAULT_RATE:.0f} reports/s for {FAULT_SECONDS:.0f} s:")
    phases.fault(port, data, "app node 1 killed", node_kill, node_restart, offset=2_000_000)
    phases.fault(
        port,
        data,
        "Celery worker killed, restarted",
        worker_kill_and_restart,
        lambda: None,
        offset=3_000_000,
    )
    phases.fault(port, data, "replica stopped", replica_stop, replica_restart, offset=4_000_000)
    fallbacks = sum(
        p.read_text(errors="replace").count("replica unavailable") for p in WORK.glob("node-*.log")
    )
    print(f"  (the nodes logged {fallbacks} switches to the primary while the replica was down)")
    beat_log = next(WORK.glob("celery-beat.log")).read_text(errors="replace")
    errors = sum(p.read_text(errors="replace").count("ERROR") for p in WORK.glob("celery-*.log"))
    print(f"\nCelery logs: {errors} ERROR lines; beat log {len(beat_log)} bytes")


if __name__ == "__main__":
    try:
        main()
    finally:
        stop_all()
        REPLICA.stop(mode="immediate")
        PRIMARY.stop(mode="fast")
        try:
            import redis

            redis.Redis.from_url(f"{REDIS}/{REDIS_DB}").flushdb()
        except Exception as error:  # pragma: no cover - report, do not hide the numbers
            print(f"could not flush Redis db {REDIS_DB}: {error!r}")
        if os.environ.get("BENCH_KEEP"):
            print(f"folder kept: {WORK}")
        else:
            shutil.rmtree(WORK, ignore_errors=True)
