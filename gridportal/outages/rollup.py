"""Trouble-call analysis: roll customer reports up the network to the element that most likely failed.

Pure and deterministic: plain dataclasses in, plain dataclasses out, no database.
The service layer (`services.rollup_apply`) feeds it one power centre's topology,
the open reports there and the incidents a dispatcher holds, then writes the
difference back.

The rules, lowest element first:

* a report whose substation is covered (and not yet restored) by an incident a
  dispatcher holds (confirmed, or a prediction they worked on) is absorbed into it;
* otherwise reports are grouped by substation. A power centre is predicted to be
  out when at least two of its feeders are out on their own evidence (a feeder or
  substation prediction) and either their number or their share of the centre's
  feeders passes the rule; else a feeder is predicted
  out when at least two of its substations report and their number or share
  passes the rule; else a substation is predicted out when it has enough reports
  (or any report of danger);
* everything else stays unassigned, with the reason.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from .choices import LEVEL_ORDER, Level, UnassignedReason


@dataclass(frozen=True)
class SubstationNode:
    id: int
    feeder_id: int
    customers: int = 0


@dataclass(frozen=True)
class Topology:
    """The part of the network a roll-up looks at: substations → feeders → power centres."""

    substations: Mapping[int, SubstationNode]
    feeder_centre: Mapping[int, int]

    @classmethod
    def build(cls, *, substations: Iterable[SubstationNode], feeder_centre: Mapping[int, int]):
        return cls({s.id: s for s in substations}, dict(feeder_centre))

    def feeder_substations(self, feeder_id: int) -> frozenset[int]:
        return frozenset(s.id for s in self.substations.values() if s.feeder_id == feeder_id)

    def centre_feeders(self, centre_id: int) -> frozenset[int]:
        return frozenset(f for f, c in self.feeder_centre.items() if c == centre_id)

    def subtree(self, level: str, element_id: int) -> frozenset[int]:
        """The substations an outage of this element leaves without power."""
        if level == Level.SUBSTATION:
            return frozenset([element_id]) if element_id in self.substations else frozenset()
        if level == Level.FEEDER:
            return self.feeder_substations(element_id)
        feeders = self.centre_feeders(element_id)
        return frozenset(s.id for s in self.substations.values() if s.feeder_id in feeders)

    def customers(self, substation_ids: Iterable[int]) -> int:
        return sum(self.substations[s].customers for s in substation_ids if s in self.substations)


@dataclass(frozen=True)
class ReportIn:
    id: int
    substation_id: int | None
    urgent: bool = False  # danger or «still out» after restoration: enough on its own


@dataclass(frozen=True)
class HeldIncident:
    """An incident the roll-up must not reshape: confirmed, or worked on by a dispatcher."""

    id: int
    level: str
    element_id: int
    live_substations: frozenset[int]


@dataclass(frozen=True)
class RollupRules:
    substation_min_reports: int = 2
    feeder_min_substations: int = 3
    feeder_substation_share: Decimal = Decimal("0.5")
    centre_min_feeders: int = 3
    centre_feeder_share: Decimal = Decimal("0.5")

    @classmethod
    def from_values(cls, values: Mapping[str, Decimal]) -> RollupRules:
        return cls(
            substation_min_reports=max(1, int(values["substation_min_reports"])),
            feeder_min_substations=max(2, int(values["feeder_min_substations"])),
            feeder_substation_share=Decimal(values["feeder_substation_share"]),
            centre_min_feeders=max(2, int(values["centre_min_feeders"])),
            centre_feeder_share=Decimal(values["centre_feeder_share"]),
        )


@dataclass(frozen=True)
class Prediction:
    level: str
    element_id: int
    substation_ids: frozenset[int]
    report_ids: tuple[int, ...]
    customers: int

    @property
    def key(self) -> tuple[str, int]:
        return (self.level, self.element_id)


@dataclass(frozen=True)
class RollupResult:
    predictions: tuple[Prediction, ...]
    absorbed: Mapping[int, int] = field(default_factory=dict)
    unassigned: Mapping[int, str] = field(default_factory=dict)

    def prediction_of(self, report_id: int) -> Prediction | None:
        for prediction in self.predictions:
            if report_id in prediction.report_ids:
                return prediction
        return None


def _moves_up(count: int, total: int, minimum: int, share: Decimal) -> bool:
    if count < 2 or total <= 0:
        return False
    return count >= minimum or Decimal(count) / Decimal(total) >= share


def _holder(substation_id: int, held: Iterable[HeldIncident]) -> int | None:
    candidates = [h for h in held if substation_id in h.live_substations]
    if not candidates:
        return None
    best = min(candidates, key=lambda h: (LEVEL_ORDER[h.level], h.id))
    return best.id


def rollup(
    *,
    topology: Topology,
    reports: Iterable[ReportIn],
    held: Iterable[HeldIncident] = (),
    rules: RollupRules = RollupRules(),
) -> RollupResult:
    """Group reports into predicted incidents on the lowest element that explains them."""
    held = tuple(held)
    absorbed: dict[int, int] = {}
    unassigned: dict[int, str] = {}
    by_substation: dict[int, list[ReportIn]] = defaultdict(list)

    for report in sorted(set(reports), key=lambda r: r.id):
        if report.substation_id is None or report.substation_id not in topology.substations:
            unassigned[report.id] = UnassignedReason.NOT_ON_NETWORK
            continue
        holder = _holder(report.substation_id, held)
        if holder is not None:
            absorbed[report.id] = holder
            continue
        by_substation[report.substation_id].append(report)

    def substation_out(substation_id: int) -> bool:
        group = by_substation[substation_id]
        return len(group) >= rules.substation_min_reports or any(r.urgent for r in group)

    def feeder_out(feeder_id: int) -> bool:
        return _moves_up(
            len(feeder_reporting[feeder_id]),
            len(topology.feeder_substations(feeder_id)),
            rules.feeder_min_substations,
            rules.feeder_substation_share,
        )

    # Which feeders have reports; which feeders are out on their own evidence.
    feeder_reporting: dict[int, set[int]] = defaultdict(set)
    for substation_id in by_substation:
        feeder_reporting[topology.substations[substation_id].feeder_id].add(substation_id)
    centre_reporting: dict[int, set[int]] = defaultdict(set)
    for feeder_id, substations in feeder_reporting.items():
        evident = feeder_out(feeder_id) or any(substation_out(s) for s in substations)
        if evident and feeder_id in topology.feeder_centre:
            centre_reporting[topology.feeder_centre[feeder_id]].add(feeder_id)

    predictions: list[Prediction] = []
    placed: set[int] = set()

    def predict(level: str, element_id: int, substations: Iterable[int]) -> None:
        report_ids = tuple(sorted(r.id for s in substations for r in by_substation.get(s, ())))
        coverage = topology.subtree(level, element_id)
        predictions.append(
            Prediction(level, element_id, coverage, report_ids, topology.customers(coverage))
        )
        placed.update(substations)

    for centre_id in sorted(centre_reporting):
        feeders = centre_reporting[centre_id]
        if _moves_up(
            len(feeders),
            len(topology.centre_feeders(centre_id)),
            rules.centre_min_feeders,
            rules.centre_feeder_share,
        ):
            predict(
                Level.POWER_CENTRE,
                centre_id,
                [s for f in feeders for s in feeder_reporting[f]],
            )

    for feeder_id in sorted(feeder_reporting):
        substations = feeder_reporting[feeder_id] - placed
        if len(substations) != len(feeder_reporting[feeder_id]):
            continue
        if feeder_out(feeder_id):
            predict(Level.FEEDER, feeder_id, substations)

    for substation_id in sorted(by_substation):
        if substation_id in placed:
            continue
        if substation_out(substation_id):
            predict(Level.SUBSTATION, substation_id, [substation_id])
        else:
            for report in by_substation[substation_id]:
                unassigned[report.id] = UnassignedReason.BELOW_THRESHOLD

    predictions.sort(key=lambda p: (LEVEL_ORDER[p.level], p.element_id))
    return RollupResult(tuple(predictions), absorbed, unassigned)
