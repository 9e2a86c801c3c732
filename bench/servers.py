"""Processes a benchmark starts on this machine (gunicorn, Celery, nginx) and waits for.

Every server listens on 127.0.0.1 only; `stop_all()` ends them all (their process groups).
`configure()` names the work folder, the project root, the servers' environment and the
folder of the published storm snapshot.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

SETTINGS: dict = {"workdir": Path("."), "root": Path("."), "env": {}, "publish": Path(".")}
PROCESSES: list[subprocess.Popen] = []


def configure(*, workdir: Path, root: Path, env: dict, publish: Path) -> None:
    SETTINGS.update(workdir=workdir, root=root, env=env, publish=publish)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(name: str, args: list[str], **kwargs) -> subprocess.Popen:
    log = open(SETTINGS["workdir"] / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
    proc = subprocess.Popen(
        args,
        cwd=SETTINGS["root"],
        env={**os.environ, **SETTINGS["env"]},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        **kwargs,
    )
    proc.name = name
    PROCESSES.append(proc)
    return proc


def stop_all() -> None:
    for proc in reversed(PROCESSES):
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)  # our own process group, by id
            except ProcessLookupError:
                continue
    for proc in PROCESSES:
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    PROCESSES.clear()


def wait_http(port: int, path: str, timeout: float = 30, proc=None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise PortTaken(port)
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"nothing answers on 127.0.0.1:{port}{path}; see {SETTINGS['workdir']}")


def wait_celery(timeout: float = 60) -> None:
    from config.celery import app

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if app.control.ping(timeout=1.0):
            return
    raise SystemExit(f"the Celery worker did not answer; see {SETTINGS['workdir']}/celery.log")


def nginx_start() -> int:
    """Start nginx on a free loopback port (another one if that port was taken meanwhile)."""
    WORK = SETTINGS["workdir"]
    (WORK / "nginx" / "tmp").mkdir(parents=True, exist_ok=True)
    small = WORK / "fixed"
    small.mkdir(exist_ok=True)
    for _attempt in range(5):
        port = free_port()
        proc = nginx_try(port, small)
        try:
            wait_http(port, "/bench/small.json", timeout=10, proc=proc)
            return port
        except PortTaken:
            PROCESSES.remove(proc)
    raise SystemExit(f"nginx did not start; see {WORK / 'nginx'}")


class PortTaken(Exception):
    pass


def nginx_try(port: int, small: Path) -> subprocess.Popen:
    WORK, ROOT, PUBLISH = SETTINGS["workdir"], SETTINGS["root"], SETTINGS["publish"]
    (small / "small.json").write_bytes(b'{"state":"none","incident":null,"planned":[]}')
    include = (ROOT / "deploy/nginx/gridportal-storm.conf").read_text()
    include = include.replace("/srv/gridportal/storm", str(PUBLISH))
    conf = WORK / "nginx" / "nginx.conf"
    conf.write_text(
        f"""
worker_processes 2;
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
  open_file_cache_min_uses 1;
  open_file_cache_errors on;
  server {{
    listen 127.0.0.1:{port} backlog=4096;
    # (c): a fixed small file with the same headers as the snapshot files
    location = /bench/small.json {{
      root {small};
      rewrite ^ /small.json break;
      default_type application/json;
      etag on;
      add_header Cache-Control "public, max-age=15, stale-while-revalidate=30" always;
      add_header Access-Control-Allow-Origin "*" always;
    }}
{include}
  }}
}}
"""
    )
    return start("nginx", ["/usr/sbin/nginx", "-c", str(conf), "-p", str(WORK / "nginx")])
