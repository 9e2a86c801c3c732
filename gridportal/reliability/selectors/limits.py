"""Addresses over the permitted interruption limits (ПП № 861 п. 31(6)) in a period.

A substation's customers are taken to be off for as long as the substation's last step
(`indices.unit_outages`); every address of the substation is listed with the limit it
went over and the interruptions that make it up, because its customers are entitled to a
recalculation.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from gridportal.grid.models import ServiceAddress

from .. import indices as ix
from ..models import InterruptionRecord
from ..rules import limits_on
from .indices import bounds, moments_between


@dataclass(frozen=True, order=True)
class Span:
    started_at: dt.datetime
    restored_at: dt.datetime

    @property
    def hours(self) -> float:
        return (self.restored_at - self.started_at).total_seconds() / 3600.0


@dataclass(frozen=True)
class LimitRow:
    """An address whose customers were off longer than a limit allows."""

    address: object
    kind: str  # "single" or "year"
    year: int
    hours: float
    limit_hours: float
    interruptions: list[Span]


def _candidates(scope: Q, start: dt.datetime, end: dt.datetime):
    """Substations that may be over a limit: one record over the single limit, or records
    of one calendar year summing over the yearly limit (a superset, since the steps of one
    event at a substation start together: its span is its longest step). A subquery."""
    single_hours, year_hours = limits_on(end.date())
    base = InterruptionRecord.objects.filter(scope, started_at__gte=start, started_at__lt=end)
    over_year = (
        base.annotate(year=ExtractYear("started_at", tzinfo=timezone.get_current_timezone()))
        .order_by()
        .values("substation_id", "year")
        .annotate(total=Sum("minutes"))
        .filter(total__gt=year_hours * 60)
        .values("substation_id")
    )
    long_ones = base.filter(minutes__gt=single_hours * 60).order_by().values("substation_id")
    return list(over_year.union(long_ones).values_list("substation_id", flat=True))


def limit_rows(*, first: dt.date, last: dt.date, branch_ids=None) -> list[LimitRow]:
    """Every address over a limit in the period: one interruption in it, or a year touching it."""
    single_hours, year_hours = limits_on(last)
    tz = timezone.get_current_timezone()
    start, _ = bounds(dt.date(first.year, 1, 1), dt.date(first.year, 1, 1))
    _, end = bounds(dt.date(last.year, 12, 31), dt.date(last.year, 12, 31))
    scope = Q() if branch_ids is None else Q(branch_id__in=list(branch_ids))
    records = moments_between(
        scope & Q(substation_id__in=_candidates(scope, start, end)), start, end
    )
    spans = ix.unit_outages(records)
    p_start, p_end = bounds(first, last)
    breaches = [
        b
        for b in ix.limit_breaches(records, single_hours=single_hours, year_hours=year_hours, tz=tz)
        if (b.kind == "year" and first.year <= b.year <= last.year)
        or (b.kind == "single" and p_start <= spans[(b.unit, b.events[0])][0] < p_end)
    ]
    addresses: dict[int, list] = defaultdict(list)
    for a in (
        ServiceAddress.objects.filter(substation_id__in={b.unit for b in breaches})
        .select_related("substation")
        .order_by("label")
    ):
        addresses[a.substation_id].append(a)
    rows = []
    for b in breaches:
        parts = sorted(Span(*spans[(b.unit, e)]) for e in b.events)
        rows.extend(
            LimitRow(a, b.kind, b.year, b.hours, b.limit_hours, parts) for a in addresses[b.unit]
        )
    rows.sort(key=lambda r: (r.address.label, r.kind, r.year))
    return rows
