"""Downloads: the limits list (CSV) and the regulator's reliability form (XLSX).

The XLSX follows the layout of the form «Расчет показателей надежности» of the
methodology (Приказ Минэнерго № 1256; per voltage level since № 399): one block per
branch, a row per voltage level and a total, with the maximum number of points of supply,
the summed duration of interruptions, their number and the two indicators. The column
names follow the 2010 form 1.2 quoted in the reference ([V2]); check them against the
annex in force before filing.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from gridportal.core.tabular import write_csv, write_xlsx

from . import indices as ix
from .choices import VoltageLevel
from .levels import substation_levels
from .rules import params_on
from .selectors.indices import Area, bounds, records_between, served_customers


def limits_csv(rows) -> bytes:
    header = [
        _("Address"),
        _("Substation"),
        _("Branch"),
        _("Limit"),
        _("Year"),
        _("Hours without power"),
        _("Permitted hours"),
        _("Interruptions"),
    ]
    kinds = {"single": _("at a time"), "year": _("in a year")}
    body = (
        [
            r.address.label,
            r.address.substation.name,
            r.address.branch.name,
            kinds[r.kind],
            r.year,
            round(r.hours, 2),
            r.limit_hours,
            "; ".join(
                f"{s.started_at.isoformat(timespec='minutes')} – "
                f"{s.restored_at.isoformat(timespec='minutes')}"
                for s in r.interruptions
            ),
        ]
        for r in rows
    )
    return write_csv(header, body)


def regulatory_xlsx(*, branches, first: dt.date, last: dt.date, company_name: str) -> bytes:
    """The reliability form for each branch: points of supply, durations, Пsaidi and Пsaifi."""
    params = params_on(first)
    rows: list[list] = [
        [_("Calculation of the reliability indicators Пsaidi and Пsaifi")],
        [_("Grid company"), company_name],
        [_("Period"), first.isoformat(), last.isoformat()],
        [_("Method"), "Приказ Минэнерго России № 1256 (ред. № 399)"],
        [],
        [
            _("Branch"),
            _("No."),
            _("Voltage level"),
            _("Maximum number of points of supply in the period, N_т"),
            _("Total duration of interruptions, Σ T_i·N_i, hours"),
            _("Number of interruptions of points of supply, Σ N_i"),
            "Пsaidi",
            "Пsaifi",
        ],
    ]
    start, end = bounds(first, last)
    levels = substation_levels()
    for branch in branches:
        area = Area("branch", branch)
        served = served_customers(area)
        records = records_between(area.record_q, start, end)
        sums = ix.p_sums(records, served=served, params=params, levels=levels)
        for number, level in enumerate(VoltageLevel, start=1):
            n, hours, count = sums[level.value]
            rows.append(
                [
                    branch.name,
                    number,
                    str(level.label),
                    n,
                    round(hours, 3),
                    count,
                    round(hours / n, 4) if n else "",
                    round(count / n, 4) if n else "",
                ]
            )
        n = sum(v[0] for v in sums.values())
        hours = sum(v[1] for v in sums.values())
        count = sum(v[2] for v in sums.values())
        rows.append(
            [
                branch.name,
                "",
                _("Total"),
                n,
                round(hours, 3),
                count,
                round(hours / n, 4) if n else "",
                round(count / n, 4) if n else "",
            ]
        )
    return write_xlsx(rows, sheet_title="Пsaidi Пsaifi")
