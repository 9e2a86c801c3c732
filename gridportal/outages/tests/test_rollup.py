"""The roll-up engine, pure: no database."""

import random
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from gridportal.outages.choices import Level, UnassignedReason
from gridportal.outages.rollup import (
    HeldIncident,
    ReportIn,
    RollupRules,
    SubstationNode,
    Topology,
    rollup,
)


def grid(centres=2, feeders=3, substations=4, customers=10) -> Topology:
    """centre c, feeder c*10+f, substation c*100+f*10+s."""
    subs, feeder_centre = [], {}
    for c in range(1, centres + 1):
        for f in range(1, feeders + 1):
            feeder_id = c * 10 + f
            feeder_centre[feeder_id] = c
            for s in range(1, substations + 1):
                subs.append(SubstationNode(c * 100 + f * 10 + s, feeder_id, customers))
    return Topology.build(substations=subs, feeder_centre=feeder_centre)


RULES = RollupRules(
    substation_min_reports=2,
    feeder_min_substations=3,
    feeder_substation_share=Decimal("0.5"),
    centre_min_feeders=3,
    centre_feeder_share=Decimal("0.5"),
)


def test_one_report_waits_for_more_from_its_substation():
    result = rollup(topology=grid(), reports=[ReportIn(1, 111)], rules=RULES)
    assert result.predictions == ()
    assert result.unassigned == {1: UnassignedReason.BELOW_THRESHOLD}


def test_two_reports_from_one_substation_predict_that_substation():
    result = rollup(topology=grid(), reports=[ReportIn(1, 111), ReportIn(2, 111)], rules=RULES)
    [prediction] = result.predictions
    assert prediction.key == (Level.SUBSTATION, 111)
    assert prediction.substation_ids == {111}
    assert prediction.report_ids == (1, 2)
    assert prediction.customers == 10


def test_a_single_report_of_danger_predicts_at_once():
    result = rollup(topology=grid(), reports=[ReportIn(1, 111, urgent=True)], rules=RULES)
    assert result.predictions[0].key == (Level.SUBSTATION, 111)


def test_half_of_a_feeders_substations_reporting_moves_the_prediction_to_the_feeder():
    reports = [ReportIn(1, 111), ReportIn(2, 112)]
    result = rollup(topology=grid(), reports=reports, rules=RULES)
    [prediction] = result.predictions
    assert prediction.key == (Level.FEEDER, 11)
    assert prediction.substation_ids == {111, 112, 113, 114}
    assert prediction.customers == 40


def test_reports_on_most_feeders_move_the_prediction_to_the_power_centre():
    reports = [ReportIn(n, s) for n, s in enumerate([111, 111, 121, 122, 131, 131], start=1)]
    result = rollup(topology=grid(), reports=reports, rules=RULES)
    [prediction] = result.predictions
    assert prediction.key == (Level.POWER_CENTRE, 1)
    assert len(prediction.substation_ids) == 12


def test_it_leaves_reports_without_a_substation_unassigned_with_a_reason():
    result = rollup(topology=grid(), reports=[ReportIn(1, None), ReportIn(2, 999)], rules=RULES)
    assert result.unassigned == {
        1: UnassignedReason.NOT_ON_NETWORK,
        2: UnassignedReason.NOT_ON_NETWORK,
    }


def test_reports_after_confirmation_are_absorbed_by_the_held_incident():
    held = [HeldIncident(77, Level.FEEDER, 11, frozenset({111, 112, 113, 114}))]
    reports = [ReportIn(1, 113), ReportIn(2, 114), ReportIn(3, 121)]
    result = rollup(topology=grid(), reports=reports, held=held, rules=RULES)
    assert result.absorbed == {1: 77, 2: 77}
    assert result.unassigned == {3: UnassignedReason.BELOW_THRESHOLD}


def test_a_restored_substation_is_not_absorbed_and_can_start_a_nested_outage():
    held = [HeldIncident(77, Level.FEEDER, 11, frozenset({112, 113, 114}))]  # 111 restored
    result = rollup(
        topology=grid(), reports=[ReportIn(1, 111), ReportIn(2, 111)], held=held, rules=RULES
    )
    assert result.absorbed == {}
    assert result.predictions[0].key == (Level.SUBSTATION, 111)


def test_the_most_specific_held_incident_absorbs():
    held = [
        HeldIncident(5, Level.POWER_CENTRE, 1, frozenset({111, 112})),
        HeldIncident(9, Level.SUBSTATION, 111, frozenset({111})),
    ]
    result = rollup(topology=grid(), reports=[ReportIn(1, 111)], held=held, rules=RULES)
    assert result.absorbed == {1: 9}


# --- properties ---------------------------------------------------------------------

TOPOLOGY = grid(centres=2, feeders=3, substations=4)
SUBSTATIONS = sorted(TOPOLOGY.substations) + [None, 999]

report_lists = st.lists(st.tuples(st.sampled_from(SUBSTATIONS), st.booleans()), max_size=40).map(
    lambda items: [ReportIn(i + 1, s, u) for i, (s, u) in enumerate(items)]
)

held_lists = st.lists(
    st.sampled_from(
        [
            (Level.SUBSTATION, 111),
            (Level.SUBSTATION, 231),
            (Level.FEEDER, 12),
            (Level.FEEDER, 23),
            (Level.POWER_CENTRE, 2),
        ]
    ),
    max_size=3,
    unique=True,
).map(
    lambda items: [
        HeldIncident(1000 + n, level, element, TOPOLOGY.subtree(level, element))
        for n, (level, element) in enumerate(items)
    ]
)

rules_strategy = st.builds(
    RollupRules,
    substation_min_reports=st.integers(1, 4),
    feeder_min_substations=st.integers(2, 5),
    feeder_substation_share=st.sampled_from([Decimal("0.25"), Decimal("0.5"), Decimal("1")]),
    centre_min_feeders=st.integers(2, 4),
    centre_feeder_share=st.sampled_from([Decimal("0.34"), Decimal("0.5"), Decimal("1")]),
)


@settings(max_examples=200, deadline=None)
@given(reports=report_lists, held=held_lists, rules=rules_strategy)
def test_every_report_ends_in_exactly_one_incident_or_unassigned_with_a_reason(
    reports, held, rules
):
    result = rollup(topology=TOPOLOGY, reports=reports, held=held, rules=rules)
    places = []
    for prediction in result.predictions:
        places.extend(prediction.report_ids)
    places.extend(result.absorbed)
    places.extend(result.unassigned)
    assert sorted(places) == sorted(r.id for r in reports)
    assert all(reason in UnassignedReason.values for reason in result.unassigned.values())


@settings(max_examples=200, deadline=None)
@given(reports=report_lists, held=held_lists, rules=rules_strategy, seed=st.integers())
def test_the_same_reports_in_any_order_give_the_same_incidents(reports, held, rules, seed):
    shuffled = list(reports)
    random.Random(seed).shuffle(shuffled)
    held_shuffled = list(held)
    random.Random(seed + 1).shuffle(held_shuffled)
    assert rollup(topology=TOPOLOGY, reports=reports, held=held, rules=rules) == rollup(
        topology=TOPOLOGY, reports=shuffled, held=held_shuffled, rules=rules
    )


@settings(max_examples=200, deadline=None)
@given(reports=report_lists, held=held_lists, rules=rules_strategy)
def test_no_incident_covers_addresses_it_cannot_explain(reports, held, rules):
    result = rollup(topology=TOPOLOGY, reports=reports, held=held, rules=rules)
    by_id = {r.id: r for r in reports}
    covered: set[int] = set()
    for prediction in result.predictions:
        # It covers exactly what an outage of its element switches off ...
        assert prediction.substation_ids == TOPOLOGY.subtree(
            prediction.level, prediction.element_id
        )
        # ... is backed by reports from inside that area ...
        assert prediction.report_ids
        assert all(
            by_id[r].substation_id in prediction.substation_ids for r in prediction.report_ids
        )
        # ... a feeder or centre only when reports come from at least two places under it ...
        places = {by_id[r].substation_id for r in prediction.report_ids}
        if prediction.level == Level.FEEDER:
            assert len(places) >= 2
        if prediction.level == Level.POWER_CENTRE:
            assert len({TOPOLOGY.substations[s].feeder_id for s in places}) >= 2
        # ... and predictions never overlap.
        assert not (covered & prediction.substation_ids)
        covered |= prediction.substation_ids
    held_by_id = {h.id: h for h in held}
    for report_id, incident_id in result.absorbed.items():
        assert by_id[report_id].substation_id in held_by_id[incident_id].live_substations


@settings(max_examples=100, deadline=None)
@given(reports=report_lists, rules=rules_strategy, extra=st.sampled_from(SUBSTATIONS[:-2]))
def test_one_more_report_never_moves_a_prediction_down(reports, rules, extra):
    before = rollup(topology=TOPOLOGY, reports=reports, rules=rules)
    after = rollup(
        topology=TOPOLOGY, reports=[*reports, ReportIn(len(reports) + 1, extra)], rules=rules
    )
    for prediction in before.predictions:
        home = after.prediction_of(prediction.report_ids[0])
        assert home is not None
        assert home.substation_ids >= prediction.substation_ids


def test_single_stray_reports_on_two_feeders_do_not_take_out_the_power_centre():
    result = rollup(
        topology=grid(feeders=2), reports=[ReportIn(1, 111), ReportIn(2, 121)], rules=RULES
    )
    assert result.predictions == ()
