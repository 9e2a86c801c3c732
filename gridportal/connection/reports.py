"""The disclosure figures of connection (ПП 24 п. 19): applications received, annulled and
completed, and the capacity connected, per branch, category, voltage level and quarter."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gridportal.core import tabular

from .choices import Category, Stage, Voltage
from .timeline import stage_due

HEADERS = [
    gettext_lazy("Quarter"),
    gettext_lazy("Branch"),
    gettext_lazy("Category"),
    gettext_lazy("Voltage"),
    gettext_lazy("Received"),
    gettext_lazy("Annulled"),
    gettext_lazy("Completed"),
    gettext_lazy("Capacity connected, kW"),
]


@dataclass
class ReportRow:
    quarter: str
    branch: str
    category: str
    voltage: str
    received: int = 0
    annulled: int = 0
    completed: int = 0
    connected_kw: Decimal = Decimal("0")


def _quarter(day) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def report_rows(applications) -> list[ReportRow]:
    """From a (branch-scoped) queryset of registered applications."""
    rows: dict[tuple, ReportRow] = {}
    categories = dict(Category.choices)
    voltages = dict(Voltage.choices)

    def row(day, a):
        key = (_quarter(day), a.branch.display_name, a.category, a.voltage)
        if key not in rows:
            rows[key] = ReportRow(
                key[0],
                key[1],
                str(categories.get(a.category, a.category)),
                str(voltages.get(a.voltage, a.voltage)),
            )
        return rows[key]

    for a in applications.select_related("branch"):
        if a.submitted_at:
            row(timezone.localtime(a.submitted_at).date(), a).received += 1
        if a.stage == Stage.ANNULLED and a.annulled_on:
            row(a.annulled_on, a).annulled += 1
        if a.stage == Stage.COMPLETED and a.completed_on:
            r = row(a.completed_on, a)
            r.completed += 1
            r.connected_kw += a.power_new_kw
    return sorted(rows.values(), key=lambda r: (r.quarter, r.branch, r.category, r.voltage))


def overdue_counts(applications, *, today) -> dict[str, int]:
    counts = defaultdict(int)
    for a in applications.select_related("branch"):
        due = stage_due(a)
        if a.stage != Stage.INCOMPLETE and due and due < today:
            counts[a.branch.display_name] += 1
    return dict(sorted(counts.items()))


def _cells(rows):
    return (
        [
            r.quarter,
            r.branch,
            r.category,
            r.voltage,
            r.received,
            r.annulled,
            r.completed,
            float(r.connected_kw),
        ]
        for r in rows
    )


def to_csv(rows) -> bytes:
    return tabular.write_csv([str(h) for h in HEADERS], _cells(rows))


def to_xlsx(rows) -> bytes:
    title = _("Technological connection: applications and capacity connected")
    return tabular.write_xlsx(
        [[title], [str(h) for h in HEADERS], *_cells(rows)], sheet_title="connection"
    )
