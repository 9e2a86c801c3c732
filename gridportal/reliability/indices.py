"""Reliability indices of an area over a period: pure arithmetic, no database.

The input is a list of `Interruption` records — one per substation (ТП) and restoration
step — and the customers served in the area per substation. Every number with legal or
standard force (the momentary threshold, the 2.5 of the 2.5β method, the five years of
history, what the Russian indicators count) comes in as `Params`, read from the dated
rules by `rules.params_on(date)`; nothing here knows a date or a regulation's value.

IEEE 1366-2012 (Guide for Electric Power Distribution Reliability Indices):

- an interruption of `momentary_max_minutes` (5) or less is momentary, longer is sustained;
- SAIFI  = Σ N_i / N_T                  (sustained; customers interrupted per customer served)
- SAIDI  = Σ r_i N_i / N_T              (minutes)
- CAIDI  = SAIDI / SAIFI                (minutes)
- CAIFI  = Σ N_i / CN                   (CN: distinct customers with ≥ 1 sustained interruption)
- CTAIDI = Σ r_i N_i / CN               (minutes)
- ASAI   = (N_T·T − Σ r_i N_i) / (N_T·T) (T: the period's own length in hours)
- CEMI_n   = customers with MORE THAN n sustained interruptions / N_T
- CEMSMI_n = customers with MORE THAN n interruptions, sustained and momentary events / N_T
- MAIFI   = Σ IM_i N_mi / N_T           (IM_i: operations of the momentary interruption)
- MAIFI_E = Σ N_mi / N_T                (each momentary event counted once)

Records are counted by the day they started (IEEE 1366 assigns an interruption to the day
it began). A step restoration is several records of one event, each with its own customers
and duration, so it adds its steps' customer-minutes. «Customers of one ТП are the same
customers across events»: when different events interrupt k₁ ≥ k₂ ≥ … customers of one
substation, the smaller groups are taken to be part of the larger ones, so the customers of
that substation interrupted more than n times are the (n+1)-th largest kᵢ (and all of its
interrupted customers are the largest).

Major event days (2.5β): the daily SAIDI of the `med_history_years` before the period,
days with zero left out; α and β are the mean and the sample standard deviation of their
natural logarithms; T_MED = exp(α + 2.5β); a day of the period whose SAIDI exceeds T_MED
is a major event day and the indices are also reported without its interruptions.

Russian indicators (Приказ Минэнерго № 1256 with № 399): Пsaidi = Σ T_i N_i / N_т
(hours) and Пsaifi = Σ N_i / N_т over points of supply, since 2024 per voltage level.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

CEMI_NS = (1, 2, 3, 4, 5)
VOLTAGE_LEVELS = ("NN", "SN2", "SN1", "VN")  # НН < 1 kV, СН2 1–20 kV, СН1 27.5–60 kV, ВН ≥ 110 kV


@dataclass(frozen=True, slots=True)
class Interruption:
    """One substation's customers off for `minutes` (one step of an event) from `day` on.

    `day` is the local day it started (the day IEEE 1366 assigns it to); the moments are
    kept only where a caller needs them (the permitted limits).
    """

    event: str | int
    unit: int | str  # the substation (ТП): its customers are the same people across events
    customers: int
    minutes: float
    day: dt.date | None = None
    operations: int = 1
    planned: bool = False
    level: str = "NN"
    started_at: dt.datetime | None = None
    restored_at: dt.datetime | None = None

    @classmethod
    def between(cls, event, unit, customers, started_at, restored_at, *, tz=None, **extra):
        """A record from its moments; its day is the local day of `started_at` in `tz`."""
        minutes = max((restored_at - started_at).total_seconds(), 0.0) / 60.0
        day = (started_at.astimezone(tz) if tz else started_at).date()
        return cls(
            event,
            unit,
            customers,
            minutes,
            day,
            started_at=started_at,
            restored_at=restored_at,
            **extra,
        )


@dataclass(frozen=True)
class Params:
    """The rules in force, as numbers (see rules.py for their dates and sources)."""

    momentary_max_minutes: float = 5
    med_beta: float = 2.5
    med_history_years: int = 5
    p_min_minutes: float = 5
    p_count_planned: bool = False
    p_per_level: bool = True


@dataclass(frozen=True)
class Indices:
    customers_served: int
    saifi: float
    saidi: float
    caidi: float | None
    caifi: float | None
    ctaidi: float | None
    asai: float
    cemi: dict[int, float]
    cemsmi: dict[int, float]
    maifi: float
    maifi_e: float
    p_saidi: dict[str, float | None] = field(default_factory=dict)
    p_saifi: dict[str, float | None] = field(default_factory=dict)
    customer_minutes: float = 0.0
    customers_interrupted: int = 0

    def as_dict(self) -> dict:
        return {
            "customers_served": self.customers_served,
            "saifi": self.saifi,
            "saidi": self.saidi,
            "caidi": self.caidi,
            "caifi": self.caifi,
            "ctaidi": self.ctaidi,
            "asai": self.asai,
            "cemi": {str(n): v for n, v in self.cemi.items()},
            "cemsmi": {str(n): v for n, v in self.cemsmi.items()},
            "maifi": self.maifi,
            "maifi_e": self.maifi_e,
            "p_saidi": self.p_saidi,
            "p_saifi": self.p_saifi,
        }


def is_momentary(record: Interruption, params: Params) -> bool:
    """IEEE 1366-2012: lasting the threshold or less is momentary (exactly 5 minutes is)."""
    return record.minutes <= params.momentary_max_minutes


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def _unit_counts(records: Iterable[Interruption], served: Mapping) -> list[list[int]]:
    """Per substation: customers interrupted in each of its events, largest first.

    Capped at the customers it serves; with «the same customers across events» the
    customers of a substation interrupted more than n times are the (n+1)-th largest.
    """
    per: dict = {}
    for r in records:
        key = (r.unit, r.event)
        per[key] = per.get(key, 0) + r.customers
    units: dict = defaultdict(list)
    for (unit, _event), k in per.items():
        units[unit].append(k)
    result = []
    for unit, counts in units.items():
        cap = served.get(unit)
        if cap is not None:
            counts = [min(k, cap) for k in counts]
        counts.sort(reverse=True)
        result.append(counts)
    return result


def _more_than(per_unit: list[list[int]], n: int) -> int:
    return sum(counts[n] for counts in per_unit if len(counts) > n)


def compute(
    records: Sequence[Interruption],
    *,
    served: Mapping,
    period_hours: float,
    params: Params,
    levels: Mapping | None = None,
) -> Indices:
    """Every index of one area and period; `served` maps each substation to its customers,
    `levels` the substations whose points of supply are not at НН to their level."""
    n_t = sum(served.values())
    limit = params.momentary_max_minutes
    sustained = [r for r in records if r.minutes > limit]
    momentary = [r for r in records if r.minutes <= limit]
    ci = sum(r.customers for r in sustained)
    cmi = sum(r.customers * r.minutes for r in sustained)
    per_unit = _unit_counts(sustained, served)
    cn = sum(counts[0] for counts in per_unit)
    all_events = _unit_counts(records, served)
    saifi = ci / n_t if n_t else 0.0
    saidi = cmi / n_t if n_t else 0.0
    total_hours = n_t * period_hours
    p_saidi, p_saifi = p_indices(records, served=served, params=params, levels=levels)
    return Indices(
        customers_served=n_t,
        saifi=saifi,
        saidi=saidi,
        caidi=_ratio(cmi, ci),
        caifi=_ratio(ci, cn),
        ctaidi=_ratio(cmi, cn),
        asai=(total_hours - cmi / 60.0) / total_hours if total_hours else 1.0,
        cemi={n: (_more_than(per_unit, n) / n_t if n_t else 0.0) for n in CEMI_NS},
        cemsmi={n: (_more_than(all_events, n) / n_t if n_t else 0.0) for n in CEMI_NS},
        maifi=sum(r.operations * r.customers for r in momentary) / n_t if n_t else 0.0,
        maifi_e=sum(r.customers for r in momentary) / n_t if n_t else 0.0,
        p_saidi=p_saidi,
        p_saifi=p_saifi,
        customer_minutes=cmi,
        customers_interrupted=ci,
    )


def p_sums(
    records: Sequence[Interruption], *, served: Mapping, params: Params, levels: Mapping = None
) -> dict[str, tuple[int, float, int]]:
    """Per voltage level: (points of supply N_т, Σ T_i·N_i in hours, Σ N_i).

    Points of supply are counted by `served` (customers of each substation, all at НН
    unless `levels` names a substation's level). Counted: interruptions longer than
    `p_min_minutes`, planned ones only if `p_count_planned`.
    """
    levels = levels or {}
    points: dict[str, int] = defaultdict(int)
    for unit, customers in served.items():
        points[levels.get(unit, "NN")] += customers
    hours: dict[str, float] = defaultdict(float)
    count: dict[str, int] = defaultdict(int)
    for r in records:
        if r.minutes > params.p_min_minutes and (params.p_count_planned or not r.planned):
            hours[r.level] += r.minutes / 60.0 * r.customers
            count[r.level] += r.customers
    return {level: (points[level], hours[level], count[level]) for level in VOLTAGE_LEVELS}


def p_indices(
    records: Sequence[Interruption], *, served: Mapping, params: Params, levels: Mapping = None
) -> tuple[dict, dict]:
    """Пsaidi (hours) and Пsaifi per point of supply, in total and per voltage level.

    Per level only while `p_per_level` is in force (since 2024); otherwise the levels are None.
    """
    sums = p_sums(records, served=served, params=params, levels=levels)
    n_total = sum(n for n, _h, _c in sums.values())
    p_saidi = {"total": sum(h for _n, h, _c in sums.values()) / n_total if n_total else 0.0}
    p_saifi = {"total": sum(c for _n, _h, c in sums.values()) / n_total if n_total else 0.0}
    for level, (n, h, c) in sums.items():
        p_saidi[level] = h / n if params.p_per_level and n else None
        p_saifi[level] = c / n if params.p_per_level and n else None
    return p_saidi, p_saifi


# Major event days ------------------------------------------------------------------------


def daily_saidi(
    records: Iterable[Interruption], *, customers_served: int, params: Params
) -> dict[dt.date, float]:
    """SAIDI of each day (sustained interruptions, by the local day they started)."""
    days: dict[dt.date, float] = defaultdict(float)
    if not customers_served:
        return {}
    limit = params.momentary_max_minutes
    for r in records:
        if r.minutes > limit:
            days[r.day] += r.customers * r.minutes
    return {day: cmi / customers_served for day, cmi in days.items()}


def med_threshold(daily: Iterable[float], *, params: Params) -> float | None:
    """T_MED = exp(α + 2.5β) over the days with SAIDI above zero; None under two such days."""
    logs = [math.log(v) for v in daily if v > 0]
    if len(logs) < 2:
        return None
    alpha = statistics.fmean(logs)
    beta = statistics.stdev(logs)
    return math.exp(alpha + params.med_beta * beta)


def major_event_days(daily: Mapping[dt.date, float], threshold: float | None) -> list[dt.date]:
    """The days whose SAIDI exceeds the threshold, in order."""
    if threshold is None:
        return []
    return sorted(day for day, value in daily.items() if value > threshold)


def history_window(start: dt.date, params: Params) -> tuple[dt.date, dt.date]:
    """The days before the period the MED threshold is computed from: [first, start)."""
    years = int(params.med_history_years)
    try:
        first = start.replace(year=start.year - years)
    except ValueError:  # 29 February
        first = start.replace(year=start.year - years, day=28)
    return first, start


def period_hours(first: dt.date, last: dt.date) -> float:
    """The period's own length in hours, both dates included."""
    return ((last - first).days + 1) * 24.0


def without_days(records: Iterable[Interruption], days: Iterable[dt.date]) -> list[Interruption]:
    """The records that did not start on one of the days."""
    excluded = set(days)
    return [r for r in records if r.day not in excluded]


def combine(parts: Sequence[Indices]) -> dict[str, float]:
    """SAIFI, SAIDI and MAIFI of a union of disjoint areas: weighted by customers served."""
    total = sum(p.customers_served for p in parts)
    if not total:
        return {"saifi": 0.0, "saidi": 0.0, "maifi": 0.0, "maifi_e": 0.0}
    return {
        key: sum(getattr(p, key) * p.customers_served for p in parts) / total
        for key in ("saifi", "saidi", "maifi", "maifi_e")
    }


# Permitted interruption limits ------------------------------------------------------------


@dataclass(frozen=True)
class Breach:
    """A substation whose customers were off longer than a limit allows."""

    unit: int | str
    kind: str  # "single" (one interruption) or "year" (the calendar year's total)
    year: int
    hours: float
    limit_hours: float
    events: tuple[str, ...]


def unit_outages(records: Iterable[Interruption]) -> dict:
    """Per substation and event: (start, end) — the earliest start and the latest restoration.

    An address's own step is not known, so each address of the substation is taken to have
    been off as long as the substation's last step (the reading in the customer's favour).
    """
    spans: dict = {}
    for r in records:
        key = (r.unit, r.event)
        start, end = spans.get(key, (r.started_at, r.restored_at))
        spans[key] = (min(start, r.started_at), max(end, r.restored_at))
    return spans


def limit_breaches(
    records: Iterable[Interruption], *, single_hours: float, year_hours: float, tz=None
) -> list[Breach]:
    """Substations over ПП 861 п. 31(6) limits: one interruption, or a calendar year's sum."""
    breaches: list[Breach] = []
    per_year: dict = defaultdict(list)
    for (unit, event), (start, end) in sorted(unit_outages(records).items(), key=str):
        hours = (end - start).total_seconds() / 3600.0
        year = (start.astimezone(tz) if tz else start).year
        per_year[(unit, year)].append((event, hours))
        if hours > single_hours:
            breaches.append(Breach(unit, "single", year, hours, single_hours, (event,)))
    for (unit, year), items in per_year.items():
        total = sum(h for _e, h in items)
        if total > year_hours:
            events = tuple(e for e, _h in items)
            breaches.append(Breach(unit, "year", year, total, year_hours, events))
    return breaches


__all__ = [
    "Breach",
    "CEMI_NS",
    "VOLTAGE_LEVELS",
    "Indices",
    "Interruption",
    "Params",
    "combine",
    "compute",
    "daily_saidi",
    "history_window",
    "is_momentary",
    "major_event_days",
    "med_threshold",
    "p_indices",
    "p_sums",
    "limit_breaches",
    "period_hours",
    "without_days",
]
