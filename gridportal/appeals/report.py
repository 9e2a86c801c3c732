"""The yearly service-quality tables (Приказ Минэнерго № 186, прил. 7, разд. 4): pure."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from .choices import Channel

INDICATORS = (
    ("appeals", _("Appeals received")),
    ("complaints", _("of them complaints")),
    ("requests", _("of them applications for services")),
    ("settled", _("Complaints settled")),
)


@dataclass(frozen=True)
class Cell:
    previous: int
    current: int

    @property
    def change(self) -> Decimal | None:
        """Change in per cent from year N−1 to N; None when N−1 had none."""
        if not self.previous:
            return None
        change = Decimal(self.current - self.previous) * 100 / Decimal(self.previous)
        return change.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def yearly_table(previous: dict, current: dict) -> list[dict]:
    """Rows (indicator) × columns (channel, and the total) of (N−1, N, %) cells."""
    rows = []
    for key, label in INDICATORS:
        cells = []
        for channel in Channel:
            cells.append(
                Cell(
                    int(previous.get(channel.value, {}).get(key, 0)),
                    int(current.get(channel.value, {}).get(key, 0)),
                )
            )
        total = Cell(sum(c.previous for c in cells), sum(c.current for c in cells))
        rows.append({"key": key, "label": label, "cells": cells, "total": total})
    return rows
