"""ETR honesty: was the estimated restoration time people were told kept?

Measured against estimates that cannot be changed after the fact (dated rules in
outages/rules.py give the horizons and the tolerance):

- **first**: the first published estimate. One published within the tolerance before the
  restoration (an «estimate» written as the power comes back) counts as not met.
- **at 1 h / 3 h** (`etr_horizon_short_minutes`, `etr_horizon_long_minutes`): the estimate in
  force that long after the start. Only outages still on at the horizon are measured there;
  an outage with no estimate at the horizon counts as not met.
- **final**: the last estimate, shown only beside the others for comparison: it is the one
  an edit at restoration could improve.

Moving the estimate to «now» just before restoring changes only `final`. Pure functions
over plain values; the selector (selectors/etr.py) feeds them rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

MEASURES = ("first", "short", "long", "final")


@dataclass(frozen=True)
class Outcome:
    """Per measure: True (met), False (missed) or None (not measured for this outage)."""

    first: bool | None
    short: bool | None
    long: bool | None
    final: bool | None


def outcome(
    *,
    started_at: dt.datetime,
    restored_at: dt.datetime,
    estimates: Iterable[tuple[dt.datetime, dt.datetime]],
    short: dt.timedelta,
    long: dt.timedelta,
    tolerance: dt.timedelta,
) -> Outcome:
    """`estimates`: (published at, estimated restoration) pairs of one restored outage."""
    published = sorted(estimates)
    if not published:
        return Outcome(None, None, None, None)

    def met(etr: dt.datetime) -> bool:
        return restored_at <= etr + tolerance

    first_at, first_etr = published[0]
    first = met(first_etr) and first_at < restored_at - tolerance

    def at_horizon(horizon: dt.timedelta) -> bool | None:
        moment = started_at + horizon
        if restored_at <= moment:
            return None  # restored before the horizon: nothing to measure there
        in_force = [etr for at, etr in published if at <= moment]
        return met(in_force[-1]) if in_force else False

    return Outcome(first, at_horizon(short), at_horizon(long), met(published[-1][1]))


@dataclass
class Tally:
    """Met / measured counts per measure, and the shares in whole per cent."""

    met: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MEASURES, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MEASURES, 0))

    def add(self, result: Outcome) -> None:
        for name in MEASURES:
            value = getattr(result, name)
            if value is None:
                continue
            self.total[name] += 1
            self.met[name] += int(value)

    def percent(self, name: str) -> int | None:
        total = self.total[name]
        return round(100 * self.met[name] / total) if total else None

    def as_dict(self) -> dict:
        return {
            name: {"met": self.met[name], "total": self.total[name], "percent": self.percent(name)}
            for name in MEASURES
        }
