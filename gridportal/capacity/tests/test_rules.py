"""The N-1 calculation on hand-worked examples, and its invariants."""

from datetime import date
from decimal import Decimal as D

from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from gridportal.capacity import explain, rules
from gridportal.capacity.choices import CapacityStatus, Constraint

FACTORS = rules.Factors(
    overload=D("1.4"), coincidence=D("0.9"), cos_phi=D("0.9"), threshold_mva=D("0")
)
DAY = date(2025, 12, 17)


def t(name, rated, load=None, day=DAY):
    return rules.TransformerLoad(name, D(rated), None if load is None else D(load), day)


def test_two_transformer_centre_by_hand():
    # 1.4 × (25 + 25 − 25) = 35; load 12 + 10 = 22; committed 0.9 × 1000 kW / 1000 / 0.9 = 1
    a = rules.assess(
        transformers=[t("Т-1", "25", "12"), t("Т-2", "25", "10")],
        commitments=[rules.Commitment("47:01:0001:1", D("1000"))],
        factors=FACTORS,
    )
    assert a.permissible_mva == D("35.000")
    assert a.load_mva == D("22.000")
    assert a.committed_mva == D("1.000")
    assert a.reserve_mva == D("12.000")
    assert a.reserve_mw == D("10.800")
    assert a.status == CapacityStatus.OPEN
    assert a.constraint == Constraint.N1_LIMIT


def test_three_transformer_centre_loses_the_largest():
    # 1.4 × (40 + 16 + 10 − 40) = 1.4 × 26 = 36.4; load 20
    a = rules.assess(
        transformers=[t("Т-1", "40", "10"), t("Т-2", "16", "6"), t("Т-3", "10", "4")],
        commitments=[],
        factors=FACTORS,
    )
    assert a.largest_mva == D("40.000")
    assert a.permissible_mva == D("36.400")
    assert a.reserve_mva == D("16.400")
    assert a.status == CapacityStatus.OPEN


def test_a_single_transformer_centre_has_no_n1_reserve():
    a = rules.assess(transformers=[t("Т-1", "10", "3")], commitments=[], factors=FACTORS)
    assert a.permissible_mva == D("0.000")
    assert a.status == CapacityStatus.CLOSED
    assert a.constraint == Constraint.NO_RESERVE_TRANSFORMER


def test_an_overloaded_centre_is_closed_and_named_overloaded():
    # 1.4 × 10 = 14 permissible, 8 + 7 = 15 measured
    a = rules.assess(
        transformers=[t("Т-1", "10", "8"), t("Т-2", "10", "7")], commitments=[], factors=FACTORS
    )
    assert a.reserve_mva == D("-1.000")
    assert a.status == CapacityStatus.CLOSED
    assert a.constraint == Constraint.OVERLOADED


def test_duplicate_applications_for_one_site_count_once_at_their_maximum():
    commitments = [
        rules.Commitment("47:01:0001:1", D("500")),
        rules.Commitment("47:01:0001:1", D("800")),  # the same plot applied again
        rules.Commitment(" 47:01:0001:1 ", D("300")),
        rules.Commitment("47:01:0002:9", D("100")),
    ]
    a = rules.assess(
        transformers=[t("Т-1", "10", "1"), t("Т-2", "10", "1")],
        commitments=commitments,
        factors=FACTORS,
    )
    assert a.committed_kw_raw == D("1700.000")
    assert a.committed_kw_sites == D("900.000")
    assert a.site_count == 2
    assert a.application_count == 4
    assert a.committed_mva == D("0.900")  # 0.9 × 900 / 1000 / 0.9


def test_committed_capacity_that_eats_the_reserve_is_named():
    a = rules.assess(
        transformers=[t("Т-1", "10", "6"), t("Т-2", "10", "6")],
        commitments=[rules.Commitment("site", D("3000"))],
        factors=FACTORS,
    )
    # 14 − 12 = 2 before commitments, 3 MVA committed
    assert a.reserve_mva == D("-1.000")
    assert a.status == CapacityStatus.CLOSED
    assert a.constraint == Constraint.COMMITTED


def test_only_the_latest_measurement_day_counts():
    a = rules.assess(
        transformers=[t("Т-1", "25", "20", date(2024, 12, 18)), t("Т-2", "25", "5")],
        commitments=[],
        factors=FACTORS,
    )
    assert a.measured_on == DAY
    assert a.load_mva == D("5.000")


def test_a_centre_without_measurements_is_closed_for_lack_of_data():
    a = rules.assess(transformers=[t("Т-1", "25"), t("Т-2", "25")], commitments=[], factors=FACTORS)
    assert a.constraint == Constraint.NO_DATA
    assert a.status == CapacityStatus.CLOSED


def test_the_steps_explain_every_figure_and_survive_storage():
    a = rules.assess(
        transformers=[t("Т-1", "25", "12"), t("Т-2", "25", "10")],
        commitments=[rules.Commitment("x", D("1000"))],
        factors=FACTORS,
    )
    with translation.override("en"):
        steps = explain.calculation_steps(a)
    assert [s.value for s in steps] == [
        D("50.000"),
        D("25.000"),
        D("35.000"),
        D("22.000"),
        D("1.000"),
        D("12.000"),
        D("10.800"),
    ]
    assert steps[2].formula == "1.4 × (50.000 − 25.000)"

    class Row:
        pass

    row = Row()
    for name in [
        "transformer_count",
        "rated_total_mva",
        "permissible_mva",
        "load_mva",
        "measured_on",
        "committed_mva",
        "reserve_mva",
        "reserve_mw",
        "status",
        "constraint",
    ]:
        setattr(row, name, getattr(a, name))
    row.committed_kw = a.committed_kw_sites
    row.overload_factor, row.coincidence_factor = FACTORS.overload, FACTORS.coincidence
    row.cos_phi, row.threshold_mva = FACTORS.cos_phi, FACTORS.threshold_mva
    row.details = explain.assessment_to_details(a)
    with translation.override("en"):
        again = explain.calculation_steps(explain.assessment_from_record(row))
    assert [(s.formula, s.value) for s in again] == [(s.formula, s.value) for s in steps]


def test_the_steps_are_written_with_decimal_commas_in_russian():
    a = rules.assess(
        transformers=[t("Т-1", "25", "12"), t("Т-2", "25", "10")],
        commitments=[rules.Commitment("x", D("5615"))],
        factors=FACTORS,
    )
    with translation.override("ru"):
        steps = explain.calculation_steps(a)
    assert steps[2].formula == "1,4 × (50,000 − 25,000)"
    assert steps[4].formula == "0,9 × 5\xa0615,000 кВт / 1000 / 0,9"


def test_the_larger_control_measurement_of_the_window_is_used():
    # Winter 4.976 MVA, summer 3.992 MVA: the reserve is counted from the winter day.
    winter, summer, old = date(2025, 12, 17), date(2026, 6, 17), date(2024, 12, 18)
    rows = [
        ("Т-1", winter, D("2.976")),
        ("Т-2", winter, D("2.000")),
        ("Т-1", summer, D("1.992")),
        ("Т-2", summer, D("2.000")),
        ("Т-1", old, D("9.000")),  # more than 12 months before the latest day: not counted
    ]
    day, loads, considered = rules.loads_on_control_day(rows, window_months=12)
    assert day == winter
    assert loads == {"Т-1": D("2.976"), "Т-2": D("2.000")}
    assert considered == [(winter, D("4.976")), (summer, D("3.992"))]
    a = rules.assess(
        transformers=[t(n, "10", v, day) for n, v in loads.items()],
        commitments=[],
        factors=FACTORS,
        control_days=considered,
    )
    assert a.load_mva == D("4.976") and a.measured_on == winter
    with translation.override("en"):
        basis = explain.measurement_basis(a)
    assert basis == (
        "the larger of the control measurements: 17.12.2025 (4.976 MVA); "
        "other days: 17.06.2026 — 3.992 MVA"
    )


def test_months_before_keeps_the_day_or_takes_the_month_end():
    assert rules.months_before(date(2026, 6, 17), 12) == date(2025, 6, 17)
    assert rules.months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert rules.months_before(date(2026, 1, 15), 1) == date(2025, 12, 15)


def test_can_connect_answers_against_the_reserve():
    ok, left = rules.can_connect(
        reserve_mva=D("1"), status=CapacityStatus.OPEN, requested_kw=D("100"), factors=FACTORS
    )
    assert ok and left == D("0.889")  # 1 − 100 kW / 0.9 / 1000
    no, _ = rules.can_connect(
        reserve_mva=D("0.05"), status=CapacityStatus.OPEN, requested_kw=D("100"), factors=FACTORS
    )
    assert not no


def test_third_wednesday_is_the_control_measurement_day():
    assert rules.third_wednesday(2026, 6) == date(2026, 6, 17)
    assert rules.third_wednesday(2026, 12) == date(2026, 12, 16)
    assert rules.third_wednesday(2025, 12) == date(2025, 12, 17)


def test_haversine_between_moscow_and_saint_petersburg():
    assert 630 < rules.haversine_km(55.7558, 37.6173, 59.9343, 30.3351) < 640


# --- invariants ---------------------------------------------------------------

mva = st.decimals(min_value=D("0.1"), max_value=D("200"), places=1)
load = st.decimals(min_value=D("0"), max_value=D("200"), places=1)
kw = st.decimals(min_value=D("1"), max_value=D("50000"), places=1)
factors = st.builds(
    rules.Factors,
    overload=st.decimals(min_value=D("1"), max_value=D("1.5"), places=2),
    coincidence=st.decimals(min_value=D("0.1"), max_value=D("1"), places=2),
    cos_phi=st.decimals(min_value=D("0.5"), max_value=D("1"), places=2),
    threshold_mva=st.decimals(min_value=D("0"), max_value=D("5"), places=1),
)
transformer_sets = st.lists(st.tuples(mva, st.one_of(st.none(), load)), min_size=0, max_size=5)
commitment_sets = st.lists(
    st.tuples(st.sampled_from(["a", "b", "c", "d"]), kw), min_size=0, max_size=8
)


def _build(ts, cs):
    return (
        [t(f"Т-{i}", r, l_) for i, (r, l_) in enumerate(ts)],
        [rules.Commitment(s, k) for s, k in cs],
    )


@given(transformer_sets, commitment_sets, factors)
def test_reserve_never_exceeds_the_n1_limit(ts, cs, f):
    transformers, commitments = _build(ts, cs)
    a = rules.assess(transformers=transformers, commitments=commitments, factors=f)
    assert a.reserve_mva <= a.permissible_mva


@given(transformer_sets, commitment_sets, st.sampled_from(["a", "z"]), kw, factors)
def test_adding_committed_capacity_never_raises_the_reserve(ts, cs, site, extra, f):
    transformers, commitments = _build(ts, cs)
    before = rules.assess(transformers=transformers, commitments=commitments, factors=f)
    after = rules.assess(
        transformers=transformers,
        commitments=[*commitments, rules.Commitment(site, extra)],
        factors=f,
    )
    assert after.reserve_mva <= before.reserve_mva
    if before.status == CapacityStatus.CLOSED:
        assert after.status == CapacityStatus.CLOSED


@given(transformer_sets, commitment_sets, factors)
def test_open_means_the_reserve_is_above_the_threshold(ts, cs, f):
    transformers, commitments = _build(ts, cs)
    a = rules.assess(transformers=transformers, commitments=commitments, factors=f)
    if a.status == CapacityStatus.OPEN:
        assert a.reserve_mva > f.threshold_mva or a.reserve_mva == f.threshold_mva.quantize(
            rules.MVA
        )
        assert a.transformer_count >= 2


def test_a_centre_with_two_transformation_voltages_is_also_shown_per_level():
    a = rules.assess(
        transformers=[
            rules.TransformerLoad("Т-1", D("40"), D("10"), DAY, "110/35"),
            rules.TransformerLoad("Т-2", D("40"), D("12"), DAY, "110/35"),
            rules.TransformerLoad("Т-3", D("10"), D("4"), DAY, "35/10"),
            rules.TransformerLoad("Т-4", D("10"), D("5"), DAY, "35/10"),
        ],
        commitments=[],
        factors=FACTORS,
    )
    levels = explain.voltage_levels(a)
    assert [(lv.voltage, lv.permissible_mva, lv.load_mva, lv.reserve_mva) for lv in levels] == [
        ("110/35", D("56.000"), D("22.000"), D("34.000")),
        ("35/10", D("14.000"), D("9.000"), D("5.000")),
    ]


def test_a_centre_of_one_voltage_has_no_separate_levels():
    a = rules.assess(
        transformers=[t("Т-1", "25", "12"), t("Т-2", "25", "10")], commitments=[], factors=FACTORS
    )
    assert explain.voltage_levels(a) == []
