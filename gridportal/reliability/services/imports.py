"""History before the portal: interruption records from a CSV file, all rows or none.

One row per substation (ТП) per restoration step; rows sharing `event` are one
interruption, and rows of one event with different `restored_at` are a step
restoration. Columns: event, branch, substation, started_at, restored_at (ISO 8601 with
offset), and optionally customers (default: the substation's customers from its
addresses), planned (true/false), operations (default 1) and cause.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from gridportal.core.models import Branch
from gridportal.core.tabular import ImportRejected, quote
from gridportal.grid.importers import read_rows
from gridportal.grid.models import Substation

from ..choices import Cause, Source, VoltageLevel
from ..levels import substation_levels
from ..models import InterruptionEvent, InterruptionRecord

REQUIRED = ("event", "branch", "substation", "started_at", "restored_at")
OPTIONAL = ("customers", "planned", "operations", "cause")
TRUE, FALSE = ("true", "1", "yes", "да"), ("false", "0", "no", "нет", "")


class _Row:
    """Checks one row; every problem becomes «Row N: …» in the list of errors."""

    def __init__(self, number: int, row: dict, errors: list[str]):
        self.number, self.row, self.errors = number, row, errors

    def error(self, message: str) -> None:
        self.errors.append(_("Row {row}: {message}").format(row=self.number, message=message))

    def required(self, name: str) -> str:
        value = self.row.get(name, "").strip()
        if not value:
            self.error(_("the column «{name}» is empty.").format(name=name))
        return value

    def moment(self, name: str) -> dt.datetime | None:
        raw = self.required(name)
        if not raw:
            return None
        try:
            value = dt.datetime.fromisoformat(raw) if len(raw) <= 40 else None
        except ValueError:
            value = None
        if value is None or value.tzinfo is None:
            self.error(
                _(
                    "«{value}» in «{name}» is not a date and time with an offset "
                    "(2025-01-31T08:15:00+03:00)."
                ).format(value=quote(raw), name=name)
            )
            return None
        return value

    def whole(self, name: str, *, default: int | None, minimum: int) -> int | None:
        raw = self.row.get(name, "").strip()
        if not raw:
            return default
        if not raw.isdigit() or len(raw) > 9 or int(raw) < minimum:
            self.error(
                _("«{value}» in «{name}» is not a whole number of at least {minimum}.").format(
                    value=quote(raw), name=name, minimum=minimum
                )
            )
            return None
        return int(raw)

    def flag(self, name: str) -> bool:
        raw = self.row.get(name, "").strip().lower()
        if raw in TRUE:
            return True
        if raw not in FALSE:
            self.error(
                _("«{value}» in «{name}» is neither true nor false.").format(
                    value=quote(raw), name=name
                )
            )
        return False


def _check_columns(rows: list[dict]) -> None:
    if not rows:
        raise ImportRejected([_("The file has no rows.")])
    missing = [c for c in REQUIRED if c not in rows[0]]
    if missing:
        raise ImportRejected([_("Missing columns: {columns}.").format(columns=", ".join(missing))])


def _customers_of(substation_ids) -> dict[int, int]:
    return dict(
        Substation.objects.filter(pk__in=substation_ids)
        .annotate(c=Coalesce(Sum("addresses__customer_count"), 0))
        .values_list("pk", "c")
    )


def interruptions_import(*, name: str, content: bytes) -> dict:
    """Import the file; returns {"events": n, "records": m}. ImportRejected lists every bad row."""
    rows = read_rows(content, filename=name)
    _check_columns(rows)
    branches = {b.code: b for b in Branch.objects.all()}
    substations = {
        (s.branch_id, s.name): s
        for s in Substation.objects.select_related("feeder").only(
            "pk", "name", "branch_id", "district_id", "feeder__power_centre_id", "feeder_id"
        )
    }
    errors: list[str] = []
    parsed: list[dict] = []
    event_branch: dict[str, int] = {}
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        check = _Row(number, row, errors)
        key = check.required("event")
        branch = branches.get(check.required("branch"))
        if row.get("branch") and branch is None:
            check.error(_("unknown branch «{code}».").format(code=quote(row["branch"])))
        substation = None
        if branch is not None and check.required("substation"):
            substation = substations.get((branch.pk, row["substation"]))
            if substation is None:
                check.error(
                    _("unknown substation «{n}» in this branch.").format(n=quote(row["substation"]))
                )
        started, restored = check.moment("started_at"), check.moment("restored_at")
        if started and restored and restored < started:
            check.error(_("«restored_at» is earlier than «started_at»."))
        customers = check.whole("customers", default=-1, minimum=0)
        operations = check.whole("operations", default=1, minimum=1)
        planned = check.flag("planned")
        cause = row.get("cause", "").strip() or Cause.UNKNOWN
        if cause not in Cause.values:
            check.error(
                _("unknown cause «{value}»; use one of: {values}.").format(
                    value=quote(cause), values=", ".join(Cause.values)
                )
            )
        if key and branch is not None and event_branch.setdefault(key, branch.pk) != branch.pk:
            check.error(
                _("the rows of event «{key}» name different branches.").format(key=quote(key))
            )
        parsed.append(
            {
                "key": key,
                "branch": branch,
                "substation": substation,
                "started": started,
                "restored": restored,
                "customers": customers,
                "operations": operations,
                "planned": planned,
                "cause": cause,
            }
        )
    if errors:
        raise ImportRejected(errors)
    defaults = _customers_of({p["substation"].pk for p in parsed if p["customers"] == -1})
    by_event: dict[str, list[dict]] = defaultdict(list)
    for p in parsed:
        by_event[p["key"]].append(p)
    levels = substation_levels({p["substation"].pk for p in parsed})
    with transaction.atomic():
        InterruptionEvent.objects.filter(source=Source.IMPORT, key__in=list(by_event)).delete()
        records = []
        for key, items in by_event.items():
            first = items[0]
            event = InterruptionEvent.objects.create(
                branch=first["branch"],
                source=Source.IMPORT,
                key=key,
                planned=first["planned"],
                cause=first["cause"],
                started_at=min(p["started"] for p in items),
            )
            for p in items:
                s = p["substation"]
                customers = defaults.get(s.pk, 0) if p["customers"] == -1 else p["customers"]
                records.append(
                    InterruptionRecord(
                        event=event,
                        branch=p["branch"],
                        district_id=s.district_id,
                        substation=s,
                        feeder_id=s.feeder_id,
                        power_centre_id=s.feeder.power_centre_id,
                        customers=customers,
                        started_at=p["started"],
                        restored_at=p["restored"],
                        planned=p["planned"],
                        operations=p["operations"],
                        level=levels.get(s.pk, VoltageLevel.NN),
                    ).fill()
                )
        InterruptionRecord.objects.bulk_create(records, batch_size=2000)
    return {"events": len(by_event), "records": len(records)}
