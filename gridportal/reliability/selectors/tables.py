"""Month-by-month tables of the indices per branch and per district, and the worst feeders.

One scan of the year's records and one grouped query of the customers served, then
the arithmetic of `indices.py` per group and month. `branch_ids` None means the whole
company (the public pages); staff pass the ids of their branches.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils import timezone

from gridportal.core.models import Branch, District
from gridportal.grid.models import Feeder, ServiceAddress

from .. import indices as ix
from ..models import InterruptionRecord
from ..rules import params_on
from .indices import bounds, records_between


@dataclass(frozen=True)
class Cell:
    """The indices of one group in one month."""

    month: dt.date
    indices: ix.Indices


@dataclass(frozen=True)
class GroupRow:
    """A branch or a district with its months."""

    kind: str  # "branch" or "district"
    obj: object
    branch: object
    customers: int
    cells: list[Cell]
    year: ix.Indices


def archive_first_year() -> int | None:
    """The first year the interruption archive holds, or None while it is empty."""
    first = (
        InterruptionRecord.objects.order_by("started_at")
        .values_list("started_at", flat=True)
        .first()
    )
    return timezone.localtime(first).year if first else None


def months_of(year: int, today: dt.date | None = None) -> list[tuple[dt.date, dt.date]]:
    """(first, last) day of each month of the year, up to the current month."""
    today = today or timezone.localdate()
    result = []
    for m in range(1, 13):
        first = dt.date(year, m, 1)
        if first > today:
            break
        nxt = dt.date(year + (m == 12), m % 12 + 1, 1)
        result.append((first, nxt - dt.timedelta(days=1)))
    return result


def _scope(branch_ids) -> Q:
    return Q() if branch_ids is None else Q(branch_id__in=list(branch_ids))


def served_by_group(branch_ids=None) -> dict[tuple[str, int], dict[int, int]]:
    """Customers per substation, grouped by ("branch", id) and ("district", id)."""
    q = Q(substation__isnull=False)
    if branch_ids is not None:
        q &= Q(substation__branch_id__in=list(branch_ids))
    rows = (
        ServiceAddress.objects.filter(q)
        .values("substation_id", "substation__branch_id", "substation__district_id")
        .annotate(c=Sum("customer_count"))
        .values_list("substation_id", "substation__branch_id", "substation__district_id", "c")
    )
    groups: dict = defaultdict(dict)
    for substation, branch, district, c in rows:
        if not c:
            continue
        groups[("branch", branch)][substation] = c
        if district:
            groups[("district", district)][substation] = c
    return groups


def monthly_table(*, year: int, branch_ids=None, today: dt.date | None = None) -> list[GroupRow]:
    """Every branch, each followed by its districts, with the indices of each month and the year."""
    months = months_of(year, today)
    if not months:
        return []
    params = params_on(months[0][0])
    served = served_by_group(branch_ids)
    start, _ = bounds(months[0][0], months[0][0])
    _, end = bounds(months[-1][1], months[-1][1])
    records = records_between(_scope(branch_ids), start, end)
    unit_groups: dict[int, list] = defaultdict(list)
    for key, units in served.items():
        for unit in units:
            unit_groups[unit].append(key)
    per_group_month: dict = defaultdict(list)
    per_group: dict = defaultdict(list)
    for r in records:
        month = r.day.replace(day=1)
        for key in unit_groups.get(r.unit, ()):
            per_group_month[(key, month)].append(r)
            per_group[key].append(r)
    branches = Branch.objects.filter(pk__in=[k[1] for k in served if k[0] == "branch"])
    districts = District.objects.filter(pk__in=[k[1] for k in served if k[0] == "district"])
    districts_of: dict[int, list] = defaultdict(list)
    for d in districts.order_by("name"):
        districts_of[d.branch_id].append(d)
    year_hours = ix.period_hours(months[0][0], months[-1][1])

    def row(kind, obj, branch):
        key = (kind, obj.pk)
        units = served[key]
        cells = [
            Cell(
                first,
                ix.compute(
                    per_group_month.get((key, first), []),
                    served=units,
                    period_hours=ix.period_hours(first, last),
                    params=params,
                ),
            )
            for first, last in months
        ]
        whole = ix.compute(per_group[key], served=units, period_hours=year_hours, params=params)
        return GroupRow(kind, obj, branch, sum(units.values()), cells, whole)

    result = []
    for b in branches.order_by("name"):
        result.append(row("branch", b, b))
        result.extend(row("district", d, b) for d in districts_of[b.pk])
    return result


@dataclass(frozen=True)
class FeederRow:
    feeder: object
    customers: int
    interruptions: int
    customer_minutes: float
    saidi: float


def worst_feeders(
    *, first: dt.date, last: dt.date, branch_ids=None, limit: int = 10
) -> list[FeederRow]:
    """The feeders whose customers lost the most minutes per customer (their own SAIDI)."""
    params = params_on(first)
    start, end = bounds(first, last)
    rows = (
        InterruptionRecord.objects.filter(
            _scope(branch_ids),
            started_at__gte=start,
            started_at__lt=end,
            minutes__gt=params.momentary_max_minutes,
        )
        .order_by()
        .values("feeder_id")
        .annotate(cmi=Sum("customer_minutes"), events=Count("event_id", distinct=True))
        .values_list("feeder_id", "cmi", "events")
    )
    totals = {f: (cmi, n) for f, cmi, n in rows}
    served = dict(
        ServiceAddress.objects.filter(substation__feeder_id__in=list(totals))
        .values("substation__feeder_id")
        .annotate(c=Sum("customer_count"))
        .values_list("substation__feeder_id", "c")
    )
    feeders = Feeder.objects.select_related("power_centre", "branch").in_bulk(list(totals))
    result = [
        FeederRow(feeders[f], served.get(f, 0), n, cmi, cmi / served[f] if served.get(f) else 0.0)
        for f, (cmi, n) in totals.items()
        if f in feeders
    ]
    result.sort(key=lambda r: (-r.saidi, -r.customer_minutes, r.feeder.pk))
    return result[:limit]
