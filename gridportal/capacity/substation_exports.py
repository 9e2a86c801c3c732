"""Free transformer capacity of substations below 35 kV (6–20/0.4 kV ТП), by voltage level,
for each quarter's files (ПП № 758 of 31.08.2013 amending the disclosure standards, ПП 24).

The figures of a quarter are rebuilt from the dated measurements up to its «as of» day:
each ТП's load is the larger of its control measurements within the window
(`control_window_months`) before its latest one on or before that day. A substation
published only in aggregate (SensitiveSubstation) has no row of its own but counts in the
total of its voltage level.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from gridportal.core import tabular
from gridportal.grid.models import Substation

from . import explain, rules
from .models import SubstationLoad

HEADERS = [
    gettext_lazy("Substation"),
    gettext_lazy("Branch"),
    gettext_lazy("District"),
    gettext_lazy("Voltage level, kV"),
    gettext_lazy("Rated power, kVA"),
    gettext_lazy("Control measurement used"),
    gettext_lazy("Load, kVA"),
    gettext_lazy("Free capacity, kVA"),
    gettext_lazy("As of"),
]


def level_of(feeder_kv: Decimal) -> str:
    return f"{explain.num(Decimal(feeder_kv).normalize())}/0,4"


def substation_rows(*, as_of: date, window_months: int, branch_code: str | None = None):
    """(rows per ТП, totals per voltage level) as of a day."""
    loads = defaultdict(dict)
    for sid, day, kva in SubstationLoad.objects.filter(measured_on__lte=as_of).values_list(
        "substation_id", "measured_on", "load_kva"
    ):
        loads[sid][day] = kva
    qs = Substation.objects.of_company().select_related(
        "feeder", "branch", "district", "capacity_sensitivity"
    )
    if branch_code:
        qs = qs.filter(branch__code=branch_code)
    rows, totals = [], defaultdict(lambda: {"count": 0, "rated": Decimal(0), "free": Decimal(0)})
    for s in qs.order_by("branch__code", "name"):
        day = rules.control_day(loads.get(s.pk, {}), window_months=window_months)
        load = loads[s.pk][day] if day else None
        free = None if load is None else Decimal(s.rated_kva) - load
        level = level_of(s.feeder.voltage_kv)
        total = totals[level]
        total["count"] += 1
        total["rated"] += s.rated_kva
        if free is not None:
            total["free"] += max(free, Decimal(0))
        if hasattr(s, "capacity_sensitivity"):
            continue
        rows.append(
            [
                s.name,
                s.branch.display_name,
                s.district.display_name if s.district_id else "",
                level,
                s.rated_kva,
                day.isoformat() if day else "",
                None if load is None else float(load),
                None if free is None else float(free),
            ]
        )
    return rows, dict(sorted(totals.items()))


def _table(rows, totals, as_of: str):
    body = [r + [as_of] for r in rows]
    for level, t in totals.items():
        body.append(
            [
                ngettext(
                    "Total {level} kV ({count} substation)",
                    "Total {level} kV ({count} substations)",
                    t["count"],
                ).format(level=level, count=t["count"]),
                "",
                "",
                level,
                float(t["rated"]),
                "",
                None,
                float(t["free"]),
                as_of,
            ]
        )
    return body


def to_csv(rows, totals, *, as_of: str) -> bytes:
    return tabular.write_csv([str(h) for h in HEADERS], _table(rows, totals, as_of))


def to_xlsx(rows, totals, *, as_of: str) -> bytes:
    title = _("Free transformer capacity of substations below 35 kV as of {day}").format(day=as_of)
    return tabular.write_xlsx(
        [[title], [str(h) for h in HEADERS], *_table(rows, totals, as_of)], sheet_title="tp"
    )
