"""Writes: measurement and commitment imports, recalculation, quarterly publication."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gridportal.core.choices import AuditAction
from gridportal.core.exceptions import ApplicationError
from gridportal.core.services import audit_record
from gridportal.grid.models import PowerCentre, PowerTransformer

from . import explain, rules, selectors
from .choices import SnapshotStatus
from .file_imports import commitments_import, measurements_import, season_of  # noqa: F401  (re-exported)
from .models import (
    CapacityAssessment,
    CapacitySnapshot,
    CommittedCapacity,
    LoadMeasurement,
)

_LOOKALIKES = str.maketrans({"T": "Т", "t": "т", "P": "Р", "C": "С", "A": "А", "K": "К"})


PROGRESS_EVERY = 500


def _measurement_rows(power_centre_ids):
    """Every centre's control measurements: {centre: [(transformer id, day, load)]}."""
    qs = LoadMeasurement.objects.all()
    if power_centre_ids is not None:
        qs = qs.filter(power_centre_id__in=power_centre_ids)
    rows = defaultdict(list)
    for pc_id, t_id, day, load in qs.values_list(
        "power_centre_id", "transformer_id", "measured_on", "load_mva"
    ):
        rows[pc_id].append((t_id, day, load))
    return rows


def capacity_assess(*, power_centre_ids: list[int] | None = None) -> list[CapacityAssessment]:
    """The current free capacity of the given power centres (all if None), not saved.

    The load is the larger of each centre's control measurements within the window of
    the dated rule `control_window_months` (winter and summer days).
    """
    factors = selectors.factors_on()
    window = selectors.control_window_months()
    now = timezone.now()
    transformers = PowerTransformer.objects.all()
    commitments = CommittedCapacity.objects.filter(built=False)
    centres = PowerCentre.objects.all()
    if power_centre_ids is not None:
        transformers = transformers.filter(power_centre_id__in=power_centre_ids)
        commitments = commitments.filter(power_centre_id__in=power_centre_ids)
        centres = centres.filter(pk__in=power_centre_ids)
    measurements = _measurement_rows(power_centre_ids)
    by_centre = defaultdict(list)
    for t_id, pc_id, tname, rated, voltage in transformers.values_list(
        "id", "power_centre_id", "name", "rated_mva", "voltage"
    ):
        by_centre[pc_id].append((t_id, tname, rated, voltage))
    committed = defaultdict(list)
    for pc_id, site, kw in commitments.values_list("power_centre_id", "site", "kw"):
        committed[pc_id].append(rules.Commitment(site, kw))
    rows = []
    for pc_id in centres.values_list("id", flat=True):
        day, loads, considered = rules.loads_on_control_day(
            measurements.get(pc_id, []), window_months=window
        )
        loads_t = [
            rules.TransformerLoad(
                tname, rated, loads.get(t_id), day if t_id in loads else None, voltage
            )
            for t_id, tname, rated, voltage in by_centre[pc_id]
        ]
        a = rules.assess(
            transformers=sorted(loads_t, key=lambda t: t.name),
            commitments=committed[pc_id],
            factors=factors,
            control_days=considered,
        )
        rows.append(_assessment_row(a, power_centre_id=pc_id, calculated_at=now))
    return rows


@transaction.atomic
def capacity_recalculate(*, power_centre_ids: list[int] | None = None) -> int:
    """Recalculate and store the current free capacity of the given power centres (all if None)."""
    rows = capacity_assess(power_centre_ids=power_centre_ids)
    current = CapacityAssessment.objects.filter(snapshot__isnull=True)
    if power_centre_ids is not None:
        current = current.filter(power_centre_id__in=[r.power_centre_id for r in rows])
    current._raw_delete(current.db)
    CapacityAssessment.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _assessment_row(a: rules.Assessment, *, power_centre_id, calculated_at, snapshot=None):
    return CapacityAssessment(
        snapshot=snapshot,
        power_centre_id=power_centre_id,
        calculated_at=calculated_at,
        measured_on=a.measured_on,
        transformer_count=a.transformer_count,
        rated_total_mva=a.rated_total_mva,
        permissible_mva=a.permissible_mva,
        load_mva=a.load_mva,
        committed_mva=a.committed_mva,
        committed_kw=a.committed_kw_sites,
        reserve_mva=a.reserve_mva,
        reserve_mw=a.reserve_mw,
        status=a.status,
        constraint=a.constraint,
        overload_factor=a.factors.overload,
        coincidence_factor=a.factors.coincidence,
        cos_phi=a.factors.cos_phi,
        threshold_mva=a.factors.threshold_mva,
        details=explain.assessment_to_details(a),
    )


@transaction.atomic
def capacity_snapshot_publish(*, as_of: date, actor=None) -> CapacitySnapshot:
    """Freeze the current figures of every power centre as the quarter «as of» a date."""
    if CapacitySnapshot.objects.filter(as_of=as_of, status=SnapshotStatus.PUBLISHED).exists():
        raise ApplicationError(
            _("The quarter as of {day} is already published; it cannot be changed.").format(
                day=as_of.strftime("%d.%m.%Y")
            ),
            code="already_published",
        )
    if as_of > timezone.localdate():
        raise ApplicationError(
            _("A quarter can only be published as of today or an earlier date."),
            code="future",
        )
    capacity_recalculate()
    snapshot, _created = CapacitySnapshot.objects.update_or_create(
        as_of=as_of,
        defaults={
            "status": SnapshotStatus.PUBLISHED,
            "published_at": timezone.now(),
            "published_by": actor,
        },
    )
    snapshot.assessments.all().delete()
    fields = [
        f.name for f in CapacityAssessment._meta.concrete_fields if f.name not in ("id", "snapshot")
    ]
    copies = []
    for row in CapacityAssessment.objects.filter(snapshot__isnull=True).values(*fields):
        row["power_centre_id"] = row.pop("power_centre")
        copies.append(CapacityAssessment(snapshot=snapshot, **row))
    CapacityAssessment.objects.bulk_create(copies, batch_size=1000)
    if actor is not None:
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            obj=snapshot,
            details={"published": as_of.isoformat(), "power_centres": len(copies)},
        )
    return snapshot


@transaction.atomic
def commitment_record(
    *,
    power_centre_id: int,
    site: str,
    kind: str,
    document_number: str,
    document_date: date,
    kw,
    actor=None,
) -> CommittedCapacity:
    """Commit capacity on the load map for one contract or TU at once (the connection app
    calls this when it issues technical conditions); the centre's figures are recalculated."""
    commitment, _created = CommittedCapacity.objects.update_or_create(
        power_centre_id=power_centre_id,
        document_number=document_number[:64],
        defaults={
            "site": site[:64],
            "kind": kind,
            "document_date": document_date,
            "kw": kw,
            "built": False,
        },
    )
    capacity_recalculate(power_centre_ids=[power_centre_id])
    if actor is not None:
        audit_record(
            actor=actor,
            action=AuditAction.CREATE,
            obj=commitment.power_centre,
            details={"committed_capacity": document_number, "kw": str(kw)},
        )
    return commitment


@transaction.atomic
def commitment_release(*, power_centre_id: int, document_number: str, actor=None) -> int:
    """Withdraw a commitment whose contract will not be concluded (an annulled application)."""
    deleted, _rows = CommittedCapacity.objects.filter(
        power_centre_id=power_centre_id, document_number=document_number
    ).delete()
    if deleted:
        capacity_recalculate(power_centre_ids=[power_centre_id])
    return deleted
