"""When the roll-up runs: in the request (embedded tier) or soon after it, on a worker.

At storm scale the request only persists the report and answers from what is already
known; the roll-up of its power centre (35–65 ms under the centre's row lock) runs on a
Celery worker, once for all the reports of that centre that arrived in the last moment:

* after the report's transaction commits, a per-centre mark is added to the shared cache
  (only the first report of a burst gets it) and that report queues one
  `outages.rollup_centre` task with a short countdown (OUTAGES_ROLLUP_DELAY); the mark
  says until when that run surely has not started, and every process that reads it skips
  the mark until then;
* the task drops the mark first, then rolls the centre up under its row lock, so a report
  committed while it reads schedules the next run instead of being missed;
* a report whose run never came (a worker or the cache down, a lost message) is still
  waiting (`rolled_up_at` empty): the sweep (beat, every 30 s) rolls its centre up.

With OUTAGES_ROLLUP_DEFERRED off (the default when tasks run eagerly: `make run`, tests)
the request rolls up itself, inside its transaction, as before.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import logging
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.utils import timezone

from gridportal.core.cache import redis_script
from gridportal.grid.models import Substation

from ..models import OutageReport
from .predictions import rollup_apply

logger = logging.getLogger(__name__)

QUEUED_KEY = "outages:rollup-queued:{centre}"
# The mark outlives the countdown; should its task be lost, the next report after this
# queues a new one (and the sweep catches the reports in between).
QUEUED_TTL = 10


_inline: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "outages_rollup_inline", default=False
)


def rollup_deferred() -> bool:
    if _inline.get():
        return False
    return bool(getattr(settings, "OUTAGES_ROLLUP_DEFERRED", False))


@contextlib.contextmanager
def rollup_inline():
    """Reports submitted inside are rolled up in their own transaction even with a worker
    (demo data and imports that go on to act on the incidents they produce)."""
    token = _inline.set(True)
    try:
        yield
    finally:
        _inline.reset(token)


# Which power centre feeds a substation changes only when the network is re-imported; each
# process keeps what it read for a minute. A report placed under a stale answer queues the
# wrong centre's roll-up and is caught by the sweep (which reads the network afresh).
CENTRES_TTL = 60.0
_centres: dict[int, int | None] = {}
_centres_since = time.monotonic()


def centres_forget(**kwargs) -> None:
    """A substation or feeder was saved here: read the centres afresh (a signal receiver)."""
    global _centres_since
    _centres.clear()
    _centres_since = time.monotonic()


def centre_of_substation(substation_id: int, *, remembered: bool = False) -> int | None:
    """The power centre feeding a substation; `remembered`: from this process's memory."""
    if not remembered:
        return _centre_read(substation_id)
    if time.monotonic() - _centres_since > CENTRES_TTL:
        centres_forget()
    if substation_id not in _centres:
        _centres[substation_id] = _centre_read(substation_id)
    return _centres[substation_id]


def _centre_read(substation_id: int) -> int | None:
    return (
        Substation.objects.filter(pk=substation_id)
        .values_list("feeder__power_centre_id", flat=True)
        .first()
    )


def rollup_request(*, substation_id: int, now: dt.datetime, urgent: bool = False) -> bool:
    """A new report at this substation: roll its power centre up now or soon.

    True when it was rolled up here (the report's incident is known), False when a worker
    will do it after this transaction commits (at once for danger, which is predicted on
    its own and should not wait for company).
    """
    deferred = rollup_deferred()
    centre_id = centre_of_substation(substation_id, remembered=deferred)
    if centre_id is None:
        return False
    if not deferred:
        rollup_apply(power_centre_id=centre_id, now=now)
        return True
    delay = 0.0 if urgent else _delay()
    transaction.on_commit(lambda: _rollup_queue(centre_id, delay), robust=True)
    return False


class _Rate:
    """Reports this process took in the current and the previous whole second (threads
    may miss a count now and then: it only chooses a countdown)."""

    second = 0
    count = 0
    previous = 0

    @classmethod
    def add(cls) -> int:
        second = int(time.monotonic())
        if second != cls.second:
            cls.previous = cls.count if second == cls.second + 1 else 0
            cls.second, cls.count = second, 0
        cls.count += 1
        return max(cls.count, cls.previous)


def _delay() -> float:
    """The countdown of a roll-up queued now: OUTAGES_ROLLUP_DELAY, or at storm rates
    (OUTAGES_ROLLUP_BUSY_RATE reports a second here) OUTAGES_ROLLUP_BUSY_DELAY: a run
    costs about the same for 5 reports as for 50, and the lag allowed is seconds."""
    if _Rate.add() >= getattr(settings, "OUTAGES_ROLLUP_BUSY_RATE", 20):
        return float(getattr(settings, "OUTAGES_ROLLUP_BUSY_DELAY", 5.0))
    return float(getattr(settings, "OUTAGES_ROLLUP_DELAY", 0.5))


# A centre's mark holds the time (epoch milliseconds) until which its queued run surely
# has not started: its start (the countdown is an absolute time) less QUEUED_SKEW, which
# spares a worker whose clock runs ahead (at most half the countdown). Until then a report
# there is sure to be seen by that run, so each process remembers the time, from its own
# run or from the mark another process holds, and needs no look at the shared mark.
QUEUED_SKEW = 0.5
_queued_until: dict[int, float] = {}

# KEYS[1]: the mark; ARGV: its value and its lifetime. Returns the value held, or nil when
# the mark was free and is now ours (one command: SET NX GET needs Redis 7).
_MARK = """
local held = redis.call('GET', KEYS[1])
if held then return held end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return false
"""


def _mark_take(centre_id: int, until: float) -> float | None:
    """Take the centre's mark (None), or the time until which the run of whoever holds it
    has surely not started (0 when it does not say)."""
    key = QUEUED_KEY.format(centre=centre_id)
    value = int(until * 1000)
    shared = caches["default"]
    if isinstance(shared, RedisCache):
        held = redis_script(shared, _MARK, keys=[key], args=[value, QUEUED_TTL])
    elif shared.add(key, value, QUEUED_TTL):
        held = None
    else:
        held = shared.get(key)
    if held is None:
        return None
    try:
        return int(held) / 1000
    except (TypeError, ValueError):
        return 0.0


def _rollup_queue(centre_id: int, delay: float) -> None:
    """After commit: one queued roll-up per centre at a time; a failure never reaches the
    person (the report is persisted, the sweep rolls it up)."""
    now = time.time()
    if _queued_until.get(centre_id, 0.0) > now:
        return
    until = now + delay - min(QUEUED_SKEW, delay / 2)
    try:
        held = _mark_take(centre_id, until)
        if held is not None:  # a run is queued; this report is committed before it starts
            _queued_until[centre_id] = held
            return
        from ..tasks import rollup_centre

        rollup_centre.apply_async(args=[centre_id], countdown=delay)
        if not rollup_centre.app.conf.task_always_eager:  # eager: it has run already
            _queued_until[centre_id] = until
    except Exception:
        logger.exception("outages: could not queue the roll-up of power centre %s", centre_id)


def rollup_run(*, power_centre_id: int, now: dt.datetime | None = None) -> int:
    """The worker's roll-up of one centre (every report waiting there); how many it placed."""
    cache.delete(QUEUED_KEY.format(centre=power_centre_id))
    return rollup_apply(power_centre_id=power_centre_id, now=now)


def rollup_sweep(*, now: dt.datetime | None = None, older_than: float | None = None) -> int:
    """Roll up every power centre with a report waiting longer than `older_than` seconds."""
    now = now or timezone.now()
    if older_than is None:
        older_than = float(getattr(settings, "OUTAGES_ROLLUP_SWEEP_AFTER", 60))
    centres = sorted(
        {
            centre
            for centre in OutageReport.objects.filter(
                rolled_up_at__isnull=True,
                created_at__lt=now - dt.timedelta(seconds=older_than),
                substation__isnull=False,
            )
            .values_list("substation__feeder__power_centre_id", flat=True)
            .distinct()
            if centre is not None
        }
    )
    placed = 0
    for centre_id in centres:
        placed += rollup_apply(power_centre_id=centre_id, now=now)
    if placed:
        logger.warning("outages: the sweep rolled up %s waiting reports", placed)
    return placed
