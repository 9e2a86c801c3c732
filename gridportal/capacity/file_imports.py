"""Imports of measurement and commitment files: parse, check row by row, store, recalculate.

Called through `capacity.services` (which re-exports them); the recalculation after an import
is the services' own.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gridportal.core.choices import AuditAction
from gridportal.core.services import audit_record
from gridportal.core.tabular import quote
from gridportal.grid.models import PowerCentre, PowerTransformer

from . import selectors, services
from .choices import CommitmentKind, Season
from .importers import (
    COMMITMENT_ALIASES,
    MEASUREMENT_ALIASES,
    ImportRejected,
    parse_date,
    parse_decimal,
    read_table,
)
from .models import (
    CommittedCapacity,
    LoadMeasurement,
)

_LOOKALIKES = str.maketrans({"T": "Т", "t": "т", "P": "Р", "C": "С", "A": "А", "K": "К"})
PROGRESS_EVERY = 500


def _norm(text) -> str:
    return "".join(str(text or "").split()).translate(_LOOKALIKES).upper()


def season_of(day: date) -> str:
    if day.month in (5, 6, 7):
        return Season.SUMMER
    if day.month in (11, 12, 1):
        return Season.WINTER
    return Season.OTHER


class _CentreIndex:
    """Find a power centre by its dispatch number (and branch, when numbers repeat)."""

    def __init__(self, queryset):
        self.by_number = defaultdict(list)
        for pk, number, branch_code in queryset.values_list(
            "id", "dispatch_number", "branch__code"
        ):
            self.by_number[_norm(number)].append((pk, branch_code))

    def find(self, row_number: int, number, branch, errors: list[str]) -> int | None:
        text = str(number or "").strip()
        if not text:
            errors.append(
                _("Row {row}: the power centre dispatch number is empty.").format(row=row_number)
            )
            return None
        candidates = self.by_number.get(_norm(text), [])
        if branch:
            candidates = [c for c in candidates if c[1] == str(branch).strip()]
        if not candidates:
            errors.append(
                _("Row {row}: unknown power centre «{number}».").format(
                    row=row_number, number=quote(text)
                )
            )
            return None
        if len(candidates) > 1:
            errors.append(
                _(
                    "Row {row}: power centre «{number}» exists in several branches; "
                    "add a branch column."
                ).format(row=row_number, number=quote(text))
            )
            return None
        return candidates[0][0]


@transaction.atomic
def measurements_import(*, name: str, content: bytes, user=None, progress=None) -> dict:
    """Import control measurements; a file with any bad row is rejected whole.

    Without `user` (the management command) every power centre is in scope;
    otherwise only those of the user's branches. `progress(done, total)`, if given, is
    called every PROGRESS_EVERY rows (the background import shows it on the staff page).
    """
    rows = read_table(
        name=name,
        content=content,
        aliases=MEASUREMENT_ALIASES,
        required=["dispatch_number", "transformer", "load_mva", "measured_on"],
    )
    centres = (
        PowerCentre.objects.all() if user is None else selectors.power_centres_for_user(user=user)
    )
    index = _CentreIndex(centres)
    transformers = {}
    for pk, pc_id, tname, rated in PowerTransformer.objects.filter(
        power_centre__in=centres
    ).values_list("id", "power_centre_id", "name", "rated_mva"):
        transformers[(pc_id, _norm(tname))] = (pk, rated)
    today = timezone.localdate()
    errors: list[str] = []
    seen: dict[tuple, int] = {}
    parsed = []
    for done, row in enumerate(rows):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, len(rows))
        v = row.values
        before = len(errors)
        pc_id = index.find(row.number, v.get("dispatch_number"), v.get("branch"), errors)
        load = parse_decimal(v.get("load_mva"))
        if load is None or load < 0:
            errors.append(
                _("Row {row}: the load «{value}» is not a number of MVA (0 or more).").format(
                    row=row.number, value=quote(v.get("load_mva", ""))
                )
            )
        day = parse_date(v.get("measured_on"))
        if day is None:
            errors.append(
                _("Row {row}: «{value}» is not a date (write 16.12.2026 or 2026-12-16).").format(
                    row=row.number, value=quote(v.get("measured_on", ""))
                )
            )
        elif day > today:
            errors.append(
                _("Row {row}: the measurement date {day} is in the future.").format(
                    row=row.number, day=day.strftime("%d.%m.%Y")
                )
            )
        if pc_id is None:
            continue
        tname = str(v.get("transformer") or "").strip()
        transformer = transformers.get((pc_id, _norm(tname)))
        if transformer is None:
            errors.append(
                _("Row {row}: power centre «{number}» has no transformer «{name}».").format(
                    row=row.number, number=quote(v.get("dispatch_number")), name=quote(tname)
                )
            )
            continue
        t_id, rated = transformer
        if load is not None and load > 3 * rated:
            errors.append(
                _(
                    "Row {row}: the load {load} MVA is more than three times the rated power "
                    "of {name} ({rated} MVA); check the units (MVA, not kVA)."
                ).format(row=row.number, load=load, name=quote(tname), rated=rated)
            )
        if len(errors) > before or day is None:
            continue
        key = (t_id, day)
        if key in seen:
            errors.append(
                _("Row {row}: the same transformer and day are already on row {other}.").format(
                    row=row.number, other=seen[key]
                )
            )
            continue
        seen[key] = row.number
        parsed.append((t_id, pc_id, day, load))
    if errors:
        raise ImportRejected(errors)

    existing = {
        (t, d): pk
        for pk, t, d in LoadMeasurement.objects.filter(
            transformer_id__in={p[0] for p in parsed},
            measured_on__in={p[2] for p in parsed},
        ).values_list("id", "transformer_id", "measured_on")
    }
    new, changed = [], []
    for t_id, pc_id, day, load in parsed:
        m = LoadMeasurement(
            transformer_id=t_id,
            power_centre_id=pc_id,
            measured_on=day,
            season=season_of(day),
            load_mva=load,
            source_file=name[:200],
        )
        if (t_id, day) in existing:
            m.pk = existing[(t_id, day)]
            changed.append(m)
        else:
            new.append(m)
    LoadMeasurement.objects.bulk_create(new, batch_size=1000)
    LoadMeasurement.objects.bulk_update(changed, ["load_mva", "source_file"], batch_size=1000)
    centres_touched = sorted({p[1] for p in parsed})
    services.capacity_recalculate(power_centre_ids=centres_touched)
    return {
        "created": len(new),
        "updated": len(changed),
        "power_centres": len(centres_touched),
        "days": sorted({p[2] for p in parsed}),
    }


_KIND_ALIASES = {
    "": CommitmentKind.CONTRACT,
    "contract": CommitmentKind.CONTRACT,
    "договор": CommitmentKind.CONTRACT,
    "tu": CommitmentKind.TECHNICAL_CONDITIONS,
    "ту": CommitmentKind.TECHNICAL_CONDITIONS,
    "технические условия": CommitmentKind.TECHNICAL_CONDITIONS,
}


@transaction.atomic
def commitments_import(*, name: str, content: bytes, user=None, progress=None) -> dict:
    """Import committed capacity (contracts and TU not yet built); all rows or none."""
    rows = read_table(
        name=name,
        content=content,
        aliases=COMMITMENT_ALIASES,
        required=["site", "dispatch_number", "kw", "document_number", "document_date"],
    )
    centres = (
        PowerCentre.objects.all() if user is None else selectors.power_centres_for_user(user=user)
    )
    index = _CentreIndex(centres)
    errors: list[str] = []
    seen: dict[tuple, int] = {}
    parsed = []
    for done, row in enumerate(rows):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, len(rows))
        v = row.values
        before = len(errors)
        pc_id = index.find(row.number, v.get("dispatch_number"), v.get("branch"), errors)
        site = str(v.get("site") or "").strip()
        if not site:
            errors.append(
                _("Row {row}: the site or cadastral number is empty.").format(row=row.number)
            )
        kw = parse_decimal(v.get("kw"))
        if kw is None or kw <= 0:
            errors.append(
                _("Row {row}: the power «{value}» is not a positive number of kW.").format(
                    row=row.number, value=quote(v.get("kw", ""))
                )
            )
        number = str(v.get("document_number") or "").strip()
        if not number:
            errors.append(
                _("Row {row}: the contract or TU number is empty.").format(row=row.number)
            )
        day = parse_date(v.get("document_date"))
        if day is None:
            errors.append(
                _("Row {row}: «{value}» is not a date (write 16.12.2026 or 2026-12-16).").format(
                    row=row.number, value=quote(v.get("document_date", ""))
                )
            )
        kind = _KIND_ALIASES.get(str(v.get("kind") or "").strip().lower())
        if kind is None:
            errors.append(
                _("Row {row}: unknown kind «{value}»; write «contract» or «TU».").format(
                    row=row.number, value=quote(v.get("kind") or "")
                )
            )
        if len(errors) > before or pc_id is None:
            continue
        key = (pc_id, number)
        if key in seen:
            errors.append(
                _("Row {row}: document {number} is already on row {other}.").format(
                    row=row.number, number=quote(number), other=seen[key]
                )
            )
            continue
        seen[key] = row.number
        parsed.append((pc_id, site[:64], kind, number[:64], day, kw))
    if errors:
        raise ImportRejected(errors)
    existing = {
        (pc, number): pk
        for pk, pc, number in CommittedCapacity.objects.filter(
            document_number__in={p[3] for p in parsed}
        ).values_list("id", "power_centre_id", "document_number")
    }
    new, changed = [], []
    for pc_id, site, kind, number, day, kw in parsed:
        c = CommittedCapacity(
            power_centre_id=pc_id,
            site=site,
            kind=kind,
            document_number=number,
            document_date=day,
            kw=kw,
            source_file=name[:200],
        )
        if (pc_id, number) in existing:
            c.pk = existing[(pc_id, number)]
            changed.append(c)
        else:
            new.append(c)
    CommittedCapacity.objects.bulk_create(new, batch_size=1000)
    CommittedCapacity.objects.bulk_update(
        changed, ["site", "kind", "document_date", "kw", "source_file"], batch_size=1000
    )
    centres_touched = sorted({p[0] for p in parsed})
    services.capacity_recalculate(power_centre_ids=centres_touched)
    if user is not None:
        # Commitments are applicants' contracts: who loaded which, per power centre.
        documents = defaultdict(list)
        for pc_id, _site, _kind, number, _day, _kw in parsed:
            documents[pc_id].append(number)
        for pc in PowerCentre.objects.filter(pk__in=centres_touched).select_related("branch"):
            audit_record(
                actor=user,
                action=AuditAction.UPDATE,
                obj=pc,
                details={"committed_capacity_import": name[:200], "documents": documents[pc.pk]},
            )
    return {"created": len(new), "updated": len(changed), "power_centres": len(centres_touched)}
