"""Writes of storm mode: build and store the snapshot, publish it as files, schedule rebuilds.

The cache holds `storm:current` → version and the versioned pieces
(`storm:<version>:answers`, `storm:<version>:docs`). Every web process keeps
its own copy of the current snapshot and asks the cache for the version at
most twice a second (`snapshot_current`), so a look-up normally does no network
I/O at all.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction

from gridportal.core.degraded import company_contacts

from .snapshots import Snapshot, snapshot_build

logger = logging.getLogger(__name__)

CURRENT_KEY = "storm:current"
PENDING_KEY = "storm:rebuild-pending"
# Set while a build runs and for a second after: a change then waits COALESCE_SECONDS for
# the changes that follow it; the first change after a quiet second is built at once.
RECENT_KEY = "storm:rebuilt-recently"
COALESCE_SECONDS = 1
PIECES_TTL = 24 * 3600
# Half a second: a change reaches every node's answers within 2 s (at most the 1 s
# countdown, the build, then this re-check), for one cache read per process and half second.
RECHECK_SECONDS = 0.5
DEBOUNCE_SECONDS = 2
KEEP_RELEASES = 2  # the current published directory and the one before it


class SnapshotUnavailable(Exception):
    """No snapshot in this process or the cache, and the database cannot build one."""


def _pieces(snapshot: Snapshot) -> dict:
    """The cache entries of a snapshot: answers, documents, and the substation ids apart."""
    docs = {k: v for k, v in snapshot.__dict__.items() if k not in ("answers", "substations")}
    return {
        f"storm:{snapshot.version}:answers": snapshot.answers,
        f"storm:{snapshot.version}:docs": docs,
        f"storm:substations:{snapshot.substations_key}": snapshot.substations,
    }


def _cache_put(snapshot: Snapshot) -> bool:
    """Store the pieces and make the version current; True if the version changed."""
    cache.set_many(_pieces(snapshot), PIECES_TTL)
    changed = cache.get(CURRENT_KEY) != snapshot.version
    cache.set(CURRENT_KEY, snapshot.version, None)
    return changed


def snapshot_store(snapshot: Snapshot) -> bool:
    """Put a snapshot in the cache and make it current; True if the version changed."""
    changed = _cache_put(snapshot)
    _local.put(snapshot)
    return changed


def snapshot_load(version: str, known: Snapshot | None = None) -> Snapshot | None:
    """The pieces of one version from the cache (None if evicted).

    The substation ids (half a megabyte on a large network) are fetched only
    when they changed since the snapshot this process already has.
    """
    answers_key, docs_key = f"storm:{version}:answers", f"storm:{version}:docs"
    pieces = cache.get_many([answers_key, docs_key])
    if answers_key not in pieces or docs_key not in pieces:
        return None
    docs = pieces[docs_key]
    if known is not None and known.substations_key == docs["substations_key"]:
        substations = known.substations
    else:
        substations = cache.get(f"storm:substations:{docs['substations_key']}")
        if substations is None:
            return None
    return Snapshot(answers=pieces[answers_key], substations=substations, **docs)


class _ProcessCopy:
    """This process's copy of the current snapshot; the cache is asked at most twice a second."""

    def __init__(self):
        self.snapshot: Snapshot | None = None
        self.checked = 0.0
        self.lock = threading.Lock()

    def put(self, snapshot: Snapshot) -> None:
        with self.lock:
            self.snapshot = snapshot
            self.checked = time.monotonic()

    def clear(self) -> None:
        with self.lock:
            self.snapshot = None
            self.checked = 0.0

    def get(self) -> Snapshot:
        snapshot = self.snapshot
        if snapshot is not None and time.monotonic() - self.checked < RECHECK_SECONDS:
            return snapshot
        with self.lock:
            if self.snapshot is not None and time.monotonic() - self.checked < RECHECK_SECONDS:
                return self.snapshot
            return self._refresh()

    def _refresh(self) -> Snapshot:
        try:
            version = cache.get(CURRENT_KEY)
            if version is not None:
                if self.snapshot is not None and self.snapshot.version == version:
                    self.checked = time.monotonic()
                    return self.snapshot
                loaded = snapshot_load(version, known=self.snapshot)
                if loaded is not None:
                    self.snapshot, self.checked = loaded, time.monotonic()
                    return loaded
        except Exception:  # the cache is down: keep answering from what we have
            logger.exception("storm: cache unavailable, serving this process's snapshot")
            if self.snapshot is not None:
                self.checked = time.monotonic()
                return self.snapshot
        # Nothing in the cache (cold start, eviction): build here.
        try:
            snapshot = snapshot_build()
        except DatabaseError as error:
            if self.snapshot is not None:
                logger.warning("storm: rebuild failed (%s), serving the last snapshot", error)
                self.checked = time.monotonic()
                return self.snapshot
            raise SnapshotUnavailable from error
        try:
            _cache_put(snapshot)
        except Exception:
            logger.exception("storm: could not store the snapshot in the cache")
        self.snapshot, self.checked = snapshot, time.monotonic()
        return snapshot


_local = _ProcessCopy()


def snapshot_current() -> Snapshot:
    """The current snapshot (this process's copy, re-checked against the cache twice a second)."""
    return _local.get()


def snapshot_rebuild(*, now: dt.datetime | None = None, publish_dir: str | None = None) -> Snapshot:
    """Build the snapshot from the database, make it current, publish it if configured."""
    snapshot = snapshot_build(now)
    changed = snapshot_store(snapshot)
    # Degraded mode's 503 page needs the hotline without the database: keep it in the cache.
    company_contacts()
    directory = publish_dir or getattr(settings, "STORM_PUBLISH_DIR", "")
    if directory and (changed or not _published(directory, snapshot.version)):
        snapshot_publish(snapshot=snapshot, directory=directory)
    return snapshot


# --- static publishing ------------------------------------------------------------------


def _published(directory: str, version: str) -> bool:
    current = Path(directory) / "current"
    return current.is_symlink() and os.readlink(current).endswith(f"-{version}")


def snapshot_publish(*, snapshot: Snapshot, directory: str | os.PathLike) -> Path:
    """Write the snapshot as files into a new release directory, then swap `current` to it.

    `current` is a symlink replaced atomically with os.replace, so nginx sees
    either the old tree or the new one, never a half-written one. The previous
    release is kept (a reader that opened it a moment ago still finds its files).
    """
    root = Path(directory)
    releases = root / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    stamp = snapshot.generated_at.strftime("%Y%m%dT%H%M%S%fZ")
    name = f"{stamp}-{snapshot.version}"
    target = releases / name
    work = releases / f".{name}.{os.getpid()}.tmp"
    if work.exists():
        shutil.rmtree(work)
    previous = root / "current"
    previous = previous.resolve() if previous.is_symlink() else None
    # nginx's ETag is mtime-size: an answer that changed gets a modification time
    # later than any in the previous release (never the same second with the same
    # size), an unchanged one keeps its file and so its ETag.
    try:
        before = int((previous / "version.json").stat().st_mtime) if previous else 0
    except OSError:
        before = 0
    stamp = max(int(time.time()), before + 1)
    made = set()
    for relative, content in snapshot.files().items():
        path = work / relative
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        old = previous / relative if previous else None
        if relative != "version.json" and old is not None and _same(old, content):
            os.link(old, path)
            continue
        path.write_bytes(content)
        os.utime(path, (stamp, stamp))
    if target.exists():
        shutil.rmtree(work)
    else:
        os.replace(work, target)
    link = root / f".current.{os.getpid()}.tmp"
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(Path("releases") / name, link)
    os.replace(link, root / "current")
    _prune(releases, keep=name)
    return target


def _same(path: Path, content: bytes) -> bool:
    try:
        return path.stat().st_size == len(content) and path.read_bytes() == content
    except OSError:
        return False


def _prune(releases: Path, *, keep: str) -> None:
    names = sorted(p.name for p in releases.iterdir() if not p.name.startswith("."))
    keep_names = set(names[-KEEP_RELEASES:]) | {keep}
    for old in names:
        if old not in keep_names:
            shutil.rmtree(releases / old, ignore_errors=True)


# --- rebuild within seconds of a change --------------------------------------------------


def rebuild_countdown() -> int:
    """Seconds the queued rebuild waits: none after a quiet second (a dispatcher's one change,
    a danger report between storms), COALESCE_SECONDS while builds follow each other (a
    storm's changes are built together)."""
    return COALESCE_SECONDS if cache.get(RECENT_KEY) else 0


def rebuild_mark() -> None:
    """The build task marks when it starts and again when it ends, for `rebuild_countdown`."""
    cache.set(RECENT_KEY, 1, COALESCE_SECONDS)


def _schedule() -> None:
    """After commit: queue one rebuild (debounced); a failure never reaches the request."""
    try:
        if not cache.add(PENDING_KEY, 1, DEBOUNCE_SECONDS):
            return
        from .tasks import snapshot_rebuild as task

        task.apply_async(countdown=rebuild_countdown())
    except Exception:
        logger.exception("storm: could not rebuild the snapshot")


def rebuild_request(**kwargs) -> None:
    """Signal receiver: something the snapshot shows changed; rebuild once this transaction commits."""
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        # One rebuild per transaction, however many rows it touched.
        try:
            if any(entry[1] is _schedule for entry in connection.run_on_commit):
                return
        except (AttributeError, IndexError, TypeError):  # pragma: no cover - Django internals
            pass
    transaction.on_commit(_schedule)
