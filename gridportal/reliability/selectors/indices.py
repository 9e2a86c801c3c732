"""The indices of an area (company, branch, district, power centre, feeder) over a period.

One scan of the period's records (a list of tuples, not model instances), one grouped
query of the customers served per substation, and one grouped query of the daily
SAIDI over the five years before for the major event days. Days and periods are those of
the portal's time zone (settings.TIME_ZONE); the customers served are today's (the
addresses on the network now), also for the history of the MED threshold.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connections
from django.db.models import Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from gridportal.grid.models import ServiceAddress

from .. import indices as ix
from ..choices import AreaKind
from ..levels import substation_levels
from ..models import InterruptionRecord
from ..rules import params_on

# The order of `indices.Interruption`'s fields. Moments are not read: a timestamp with a
# time zone costs far more to load than the stored minutes and the local day.
RECORD_FIELDS = (
    "event_id",
    "substation_id",
    "customers",
    "minutes",
    "day",
    "operations",
    "planned",
    "level",
)


@dataclass(frozen=True)
class Area:
    """Where the indices are computed: the company (obj None) or one branch, district, …"""

    kind: str
    obj: object = None

    @property
    def record_q(self) -> Q:
        if self.kind == AreaKind.COMPANY:
            return Q()
        return Q(**{f"{self.kind}_id": self.obj.pk})

    @property
    def address_q(self) -> Q:
        path = {
            AreaKind.COMPANY: None,
            AreaKind.BRANCH: "substation__branch_id",
            AreaKind.DISTRICT: "substation__district_id",
            AreaKind.POWER_CENTRE: "substation__feeder__power_centre_id",
            AreaKind.FEEDER: "substation__feeder_id",
        }[self.kind]
        return Q(**{path: self.obj.pk}) if path else Q()

    @property
    def label(self) -> str:
        return str(self.obj) if self.obj is not None else ""


@dataclass(frozen=True)
class Report:
    """An area's indices over a period, with and without its major event days."""

    area: Area
    first: dt.date
    last: dt.date
    indices: ix.Indices
    med_threshold: float | None
    med_days: list[dt.date]
    without_med: ix.Indices

    def as_dict(self) -> dict:
        return self.indices.as_dict() | {
            "med": {
                "threshold_minutes": self.med_threshold,
                "days": [d.isoformat() for d in self.med_days],
                "indices": self.without_med.as_dict(),
            }
        }


def bounds(first: dt.date, last: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start of the first day, start of the day after the last) in the portal's time zone."""
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(first, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return start, end


def served_customers(area: Area) -> dict[int, int]:
    """Customers served per substation in the area (from the addresses of each substation)."""
    rows = (
        ServiceAddress.objects.filter(area.address_q, substation__isnull=False)
        .values("substation_id")
        .annotate(c=Sum("customer_count"))
        .values_list("substation_id", "c")
    )
    return {s: c for s, c in rows if c}


def records_between(q: Q, start: dt.datetime, end: dt.datetime) -> list[ix.Interruption]:
    """The interruptions that started in [start, end) among the records matching q."""
    qs = (
        InterruptionRecord.objects.filter(q, started_at__gte=start, started_at__lt=end)
        .annotate(day=TruncDate("started_at", tzinfo=timezone.get_current_timezone()))
        .order_by()
        .values_list(*RECORD_FIELDS)
    )
    # A plain cursor: the driver's own loaders, without the ORM's per-row converters
    # (a third of the time of a year's figures for a large company).
    sql, params = qs.query.sql_with_params()
    with connections[qs.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    make = ix.Interruption
    if rows and isinstance(rows[0][4], str):  # SQLite hands the day over as text
        parse = dt.date.fromisoformat
        return [make(e, u, c, m, parse(d), o, bool(p), lv) for e, u, c, m, d, o, p, lv in rows]
    return [make(*row) for row in rows]


def moments_between(q: Q, start: dt.datetime, end: dt.datetime) -> list[ix.Interruption]:
    """Like `records_between`, with the moments (for the permitted limits)."""
    tz = timezone.get_current_timezone()
    rows = (
        InterruptionRecord.objects.filter(q, started_at__gte=start, started_at__lt=end)
        .order_by()
        .values_list("event_id", "substation_id", "customers", "started_at", "restored_at")
    )
    return [ix.Interruption.between(*row, tz=tz) for row in rows.iterator(chunk_size=5000)]


def history_daily_saidi(
    area: Area, first: dt.date, *, customers_served: int, params: ix.Params
) -> dict[dt.date, float]:
    """Daily SAIDI of the years before `first` (sustained interruptions, by local start day)."""
    if not customers_served:
        return {}
    since, _until = ix.history_window(first, params)
    start, _ = bounds(since, since)
    end, _ = bounds(first, first)
    rows = (
        InterruptionRecord.objects.filter(
            area.record_q,
            started_at__gte=start,
            started_at__lt=end,
            minutes__gt=params.momentary_max_minutes,
        )
        .annotate(day=TruncDate("started_at", tzinfo=timezone.get_current_timezone()))
        .order_by()
        .values("day")
        .annotate(cmi=Sum("customer_minutes"))
        .values_list("day", "cmi")
    )
    return {day: cmi / customers_served for day, cmi in rows}


def area_report(
    area: Area,
    first: dt.date,
    last: dt.date,
    *,
    served: dict[int, int] | None = None,
    records: list[ix.Interruption] | None = None,
) -> Report:
    """Every index of the area from `first` to `last` (both included), with the MED method."""
    params = params_on(first)
    served = served_customers(area) if served is None else served
    if records is None:
        records = records_between(area.record_q, *bounds(first, last))
    n_t = sum(served.values())
    hours = ix.period_hours(first, last)
    levels = substation_levels()  # consumers' own ТП: few, so all of them
    indices = ix.compute(records, served=served, period_hours=hours, params=params, levels=levels)
    history = history_daily_saidi(area, first, customers_served=n_t, params=params)
    threshold = ix.med_threshold(history.values(), params=params)
    period_days = ix.daily_saidi(records, customers_served=n_t, params=params)
    med_days = ix.major_event_days(period_days, threshold)
    without = (
        ix.compute(
            ix.without_days(records, med_days),
            served=served,
            period_hours=hours,
            params=params,
            levels=levels,
        )
        if med_days
        else indices
    )
    return Report(area, first, last, indices, threshold, med_days, without)
