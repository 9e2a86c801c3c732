"""A PostgreSQL primary and its streaming read replica of bench/cluster.py's own.

Both are fresh clusters in the benchmark's work folder (initdb; the replica from
pg_basebackup -R), listening on free loopback ports, so the shared server on 5432 is
never touched. As root they run as the `postgres` system user (initdb refuses root).
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import time
from pathlib import Path

PG_BIN = (
    Path(sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1])
    if glob.glob("/usr/lib/postgresql/*/bin")
    else Path(os.path.dirname(shutil.which("pg_ctl") or "/usr/bin/pg_ctl"))
)


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _own(path: Path) -> None:
    if os.geteuid() == 0:
        shutil.chown(path, "postgres", "postgres")


class Postgres:
    """One local PostgreSQL server in `datadir`, on `port`."""

    def __init__(self, name: str, workdir: Path, port: int):
        self.name, self.port = name, port
        self.datadir = workdir / "pg" / name
        self.sockets = workdir / "pg" / "sockets"
        self.log = workdir / f"postgres-{name}.log"

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/gridportal"

    def _run(self, args: list[str], **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run(_as_postgres(args), check=True, capture_output=True, **kwargs)

    def _prepare(self) -> None:
        for folder in (self.datadir.parent, self.sockets):
            folder.mkdir(parents=True, exist_ok=True)
            _own(folder)
        self.log.touch()
        _own(self.log)

    def initdb(self) -> None:
        self._prepare()
        self._run(
            [str(PG_BIN / "initdb"), "-D", str(self.datadir), "-U", "postgres", "-A", "trust"]
            + ["--no-sync", "-E", "UTF8", "--locale", "C.UTF-8"]
        )
        with open(self.datadir / "postgresql.conf", "a") as conf:
            conf.write(
                "\n# bench/cluster.py\nwal_level = replica\nmax_wal_senders = 5\n"
                "hot_standby = on\nmax_connections = 200\nshared_buffers = 128MB\n"
            )

    def basebackup_from(self, primary: Postgres) -> None:
        """A streaming replica of `primary` (standby.signal and primary_conninfo by -R)."""
        self._prepare()
        self._run(
            [str(PG_BIN / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(primary.port)]
            + ["-U", "postgres", "-D", str(self.datadir), "-R", "-X", "stream", "-c", "fast"]
        )

    def start(self) -> None:
        self._run(
            [str(PG_BIN / "pg_ctl"), "-D", str(self.datadir), "-l", str(self.log), "-w"]
            + ["-o", f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1", "start"]
        )

    def stop(self, mode: str = "fast") -> None:
        if (self.datadir / "postmaster.pid").exists():
            subprocess.run(
                _as_postgres(
                    [str(PG_BIN / "pg_ctl"), "-D", str(self.datadir), "-m", mode, "-w", "stop"]
                ),
                capture_output=True,
            )

    def sql(self, statement: str, database: str = "gridportal") -> str:
        out = self._run(
            [str(PG_BIN / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
            + ["-d", database, "-Atc", statement],
            text=True,
        )
        return out.stdout.strip()

    def wait_replay(self, primary: Postgres, timeout: float = 60) -> float:
        """Seconds until this replica has replayed what the primary wrote so far."""
        started = time.monotonic()
        target = primary.sql("SELECT pg_current_wal_lsn()")
        while time.monotonic() - started < timeout:
            done = self.sql(f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn")
            if done == "t":
                return time.monotonic() - started
            time.sleep(0.1)
        raise SystemExit(f"the replica did not catch up in {timeout} s; see {self.log}")
