"""ETR honesty: the published accuracy cannot be improved by editing the ETR at restoration."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from gridportal.outages.etr_accuracy import Outcome, Tally, outcome

T0 = dt.datetime(2026, 11, 30, 2, 0, tzinfo=dt.UTC)
H = dt.timedelta(hours=1)
RULES = {"short": H, "long": 3 * H, "tolerance": dt.timedelta(minutes=30)}


def run(restored_after, estimates):
    return outcome(
        started_at=T0,
        restored_at=T0 + restored_after,
        estimates=[(T0 + a, T0 + e) for a, e in estimates],
        **RULES,
    )


def test_an_estimate_kept_is_met_everywhere():
    assert run(4 * H, [(10 * dt.timedelta(minutes=1), 4 * H)]) == Outcome(True, True, True, True)


def test_the_gaming_scenario_moves_only_the_final_figure():
    # First estimate: back in 2 hours. The power comes back after 5 hours; two seconds
    # before restoring, the dispatcher moves the estimate to «now».
    honest = [(dt.timedelta(minutes=10), 2 * H)]
    gamed = honest + [(5 * H - dt.timedelta(seconds=2), 5 * H - dt.timedelta(seconds=1))]
    before, after = run(5 * H, honest), run(5 * H, gamed)
    assert after.final is True and before.final is False  # the old, gameable figure
    assert (after.first, after.short, after.long) == (before.first, before.short, before.long)
    assert (after.first, after.short, after.long) == (False, False, False)


def test_a_first_estimate_written_at_restoration_is_not_met():
    assert run(2 * H, [(2 * H - dt.timedelta(seconds=2), 2 * H)]).first is False


def test_horizons_measure_only_outages_still_on_and_missing_estimates_count_as_missed():
    quick = run(50 * dt.timedelta(minutes=1), [(dt.timedelta(minutes=5), H)])
    assert quick.short is None and quick.long is None and quick.first is True
    late_estimate = run(4 * H, [(2 * H, 4 * H)])
    assert late_estimate.short is False  # nothing published in the first hour
    assert late_estimate.long is True


def test_no_estimate_at_all_is_not_measured():
    assert run(4 * H, []) == Outcome(None, None, None, None)


def test_the_tally_gives_shares_per_measure():
    tally = Tally()
    tally.add(Outcome(True, None, None, True))
    tally.add(Outcome(False, False, None, True))
    assert tally.percent("first") == 50
    assert tally.percent("short") == 0
    assert tally.percent("long") is None
    assert tally.as_dict()["final"] == {"met": 2, "total": 2, "percent": 100}


minutes = st.integers(min_value=1, max_value=24 * 60)


@given(
    restored=minutes,
    published=st.lists(st.tuples(minutes, minutes), min_size=1, max_size=6),
    edit_before=st.integers(min_value=1, max_value=120),
)
def test_no_edit_at_restoration_improves_first_or_horizons(restored, published, edit_before):
    """Property: adding any estimate in the last minutes before restoration changes no
    published measure (the horizons are at least the tolerance before restoration)."""
    m = dt.timedelta(minutes=1)
    honest = [(a * m, (a + e) * m) for a, e in published if a < restored]
    if not honest:
        return
    edit_at = max(restored - edit_before, 0)
    if edit_at * m <= max(a for a, _ in honest):
        return  # not the last edit
    if any(restored * m > horizon >= edit_at * m for horizon in (H, 3 * H)):
        return  # the edit happened before a horizon: it was in force there, honestly
    gamed = honest + [(edit_at * m, restored * m)]
    before, after = run(restored * m, honest), run(restored * m, gamed)
    assert (after.first, after.short, after.long) == (before.first, before.short, before.long)
