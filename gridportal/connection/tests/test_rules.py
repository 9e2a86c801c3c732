"""Category, fee and every deadline on worked examples (pure: no database)."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from gridportal.connection import deadlines, fees
from gridportal.connection.choices import ApplicantKind, Category, ObjectKind, Reliability
from gridportal.connection.rules import SPECS, category_for
from gridportal.core.calendar import WorkingCalendar

VALUES = {s.key: s.default for s in SPECS}
CAL = WorkingCalendar()
RATES = fees.Rates(
    year=2026,
    preferential_per_kw=D("5000"),
    social_per_kw=D("1064"),
    c1_per_application=D("30000"),
    c8_per_point=D("25000"),
    construction_per_kw=D("3000"),
)


def category(applicant=ApplicantKind.INDIVIDUAL, obj=ObjectKind.HOUSE, new="15", old="0", rel="3"):
    return category_for(
        applicant=applicant,
        object_kind=obj,
        power_new_kw=D(new),
        power_existing_kw=D(old),
        reliability=rel,
        values=VALUES,
    ).category


# --- categories -------------------------------------------------------------------------


def test_an_individuals_house_up_to_15_kw_is_the_small_domestic_category():
    assert category(new="10", old="5") == Category.INDIVIDUAL_15  # 15 kW in total


def test_power_already_connected_counts_towards_the_threshold():
    assert category(new="10", old="6") == Category.SMALL_150  # 16 kW in total


def test_a_shop_of_an_individual_is_not_domestic():
    assert category(obj=ObjectKind.SHOP, new="10") == Category.SMALL_150


def test_business_categories_by_total_power():
    biz = ApplicantKind.LEGAL
    assert category(applicant=biz, obj=ObjectKind.SHOP, new="150") == Category.SMALL_150
    assert category(applicant=biz, obj=ObjectKind.SHOP, new="150.1") == Category.MEDIUM_670
    assert category(applicant=biz, obj=ObjectKind.PRODUCTION, new="669.9") == Category.MEDIUM_670
    assert category(applicant=biz, obj=ObjectKind.PRODUCTION, new="670") == Category.LARGE


def test_first_reliability_category_leaves_the_simple_procedure():
    assert (
        category(applicant=ApplicantKind.LEGAL, obj=ObjectKind.SHOP, new="50", rel=Reliability.I)
        == Category.MEDIUM_670
    )


def test_temporary_and_microgeneration():
    assert category(obj=ObjectKind.TEMPORARY, new="100") == Category.TEMPORARY
    assert category(obj=ObjectKind.TEMPORARY, new="200") == Category.MEDIUM_670
    assert category(obj=ObjectKind.MICROGENERATION, new="15") == Category.MICROGENERATION


def test_the_reason_is_written_with_the_numbers():
    with translation.override("en"):
        choice = category_for(
            applicant=ApplicantKind.INDIVIDUAL,
            object_kind=ObjectKind.HOUSE,
            power_new_kw=D("12"),
            power_existing_kw=D("0"),
            reliability="3",
            values=VALUES,
        )
    assert choice.why == (
        "An individual's domestic object of 12 kW in total (new and already connected), "
        "at most 15 kW, III reliability category."
    )


@given(st.decimals(min_value=0, max_value=100000, places=1), st.sampled_from(list(ObjectKind)))
def test_every_request_gets_exactly_one_category(kw, obj):
    assert category(applicant=ApplicantKind.LEGAL, obj=obj, new=str(kw)) in Category.values


# --- fees -------------------------------------------------------------------------------


def test_15_kw_household_pays_the_lower_preferential_rate():
    # standardized: 30 000 + 25 000 + 3 000 × 15 = 100 000; preferential: 5 000 × 15 = 75 000
    fee = fees.fee_for(category=Category.INDIVIDUAL_15, power_kw=D("15"), rates=RATES)
    assert [s.amount for s in fee.steps] == [
        D("30000.00"),
        D("25000.00"),
        D("45000.00"),
        D("100000.00"),
        D("75000.00"),
        D("75000.00"),
    ]
    assert fee.total == D("75000.00") and fee.basis == "preferential"


def test_a_small_household_pays_the_standardized_rates_when_they_are_lower():
    cheap = fees.Rates(2026, D("5000"), D("1064"), D("1000"), D("2000"), D("100"))
    # standardized: 1 000 + 2 000 + 100 × 5 = 3 500; preferential: 5 000 × 5 = 25 000
    fee = fees.fee_for(category=Category.INDIVIDUAL_15, power_kw=D("5"), rates=cheap)
    assert fee.total == D("3500.00") and fee.basis == "standardized"


def test_the_social_rate_for_listed_categories():
    # 1 064 × 15 = 15 960 < 100 000
    fee = fees.fee_for(category=Category.INDIVIDUAL_15, power_kw=D("15"), rates=RATES, social=True)
    assert fee.total == D("15960.00") and fee.basis == "social"


def test_businesses_pay_by_standardized_rates():
    # 30 000 + 25 000 + 3 000 × 100 = 355 000
    fee = fees.fee_for(category=Category.SMALL_150, power_kw=D("100"), rates=RATES)
    assert fee.total == D("355000.00") and fee.basis == "standardized"
    assert len(fee.steps) == 4


def test_fee_steps_are_written_with_decimal_commas_in_russian():
    with translation.override("ru"):
        fee = fees.fee_for(category=Category.INDIVIDUAL_15, power_kw=D("7.5"), rates=RATES)
    assert fee.steps[2].formula == "3\xa0000 ₽/кВт × 7,5 кВт"


# --- deadlines --------------------------------------------------------------------------


def term(category, kv="0.4", m=10, rural=False):
    return deadlines.completion_term(
        category=category, voltage_kv=D(kv), distance_m=m, rural=rural, values=VALUES
    )


def test_30_working_days_at_04_kv_within_15_m():
    t = term(Category.INDIVIDUAL_15, m=15)
    assert (t.amount, t.unit) == (30, deadlines.WORKING_DAYS)
    # Contract on 15.12.2025: 30 working days skip the New Year holidays (31.12–11.01).
    assert deadlines.due(dt.date(2025, 12, 15), t, CAL) == dt.date(2026, 2, 5)


def test_15_working_days_for_a_temporary_mobile_object():
    t = term(Category.TEMPORARY, m=200)
    assert (t.amount, t.unit) == (15, deadlines.WORKING_DAYS)
    # From 24.12.2025: 25, 26, 29, 30 Dec, then 12–16, 19–23 and 26 Jan → 26.01.2026.
    assert deadlines.due(dt.date(2025, 12, 24), t, CAL) == dt.date(2026, 1, 26)


def test_6_months_up_to_20_kv_within_300_m_in_town_and_500_m_rural():
    assert (term(Category.SMALL_150, kv="10", m=300).amount, "months") == (6, "months")
    assert term(Category.SMALL_150, kv="0.4", m=450, rural=True).amount == 6
    t = term(Category.INDIVIDUAL_15, m=250)
    assert t.unit == deadlines.MONTHS
    assert deadlines.due(dt.date(2026, 8, 31), t, CAL) == dt.date(2027, 2, 28)


def test_1_year_beyond_the_distances_or_over_670_kw():
    assert term(Category.SMALL_150, kv="10", m=350).amount == 12
    assert term(Category.SMALL_150, kv="0.4", m=501, rural=True).amount == 12
    assert term(Category.LARGE, kv="10", m=100).amount == 12
    assert term(Category.MEDIUM_670, kv="10", m=100).amount == 12
    assert term(Category.SMALL_150, kv="35", m=100).amount == 12


def test_payment_in_5_working_days_across_the_new_year():
    t = deadlines.payment_term(procurement=False, values=VALUES)
    # Offer on Friday 26.12.2025: 29, 30 Dec, then 12, 13, 14 Jan.
    assert deadlines.due(dt.date(2025, 12, 26), t, CAL) == dt.date(2026, 1, 14)


def test_payment_counts_a_transferred_working_saturday():
    t = deadlines.payment_term(procurement=False, values=VALUES)
    # Offer on 29.10.2025: 30, 31 Oct, Saturday 1 Nov (a working day), 5, 6 Nov (3–4 Nov off).
    assert deadlines.due(dt.date(2025, 10, 29), t, CAL) == dt.date(2025, 11, 6)


def test_buyers_under_44_fz_have_15_working_days_to_pay():
    t = deadlines.payment_term(procurement=True, values=VALUES)
    assert t.amount == 15
    assert deadlines.due(dt.date(2026, 3, 2), t, CAL) == dt.date(2026, 3, 24)  # 9 March off


def test_a_paused_clock_moves_the_due_date_by_the_working_days_it_stood():
    assert deadlines.paused_due(dt.date(2026, 1, 14), 3, CAL) == dt.date(2026, 1, 19)


@pytest.mark.parametrize("category", list(Category))
def test_every_category_has_a_completion_term(category):
    assert term(category).amount > 0


# --- the steps after the readiness notice ------------------------------------------------


def test_the_inspection_is_due_10_working_days_after_the_notice_across_the_new_year():
    t = deadlines.inspection_term(category=Category.INDIVIDUAL_15, values=VALUES)
    # Notice on Friday 26.12.2025: 29, 30 Dec, then 12–16 and 19–21 Jan (31 Dec–11 Jan off).
    assert deadlines.step_due(dt.date(2025, 12, 26), t, CAL, None) == dt.date(2026, 1, 21)


def test_the_contracts_deadline_caps_every_step():
    t = deadlines.inspection_term(category=Category.SMALL_150, values=VALUES)
    assert deadlines.step_due(dt.date(2025, 12, 26), t, CAL, dt.date(2026, 1, 13)) == dt.date(
        2026, 1, 13
    )


def test_over_150_kw_the_inspection_has_only_the_contracts_deadline():
    for category in (Category.MEDIUM_670, Category.LARGE):
        assert deadlines.inspection_term(category=category, values=VALUES) is None
        assert deadlines.step_due(dt.date(2026, 3, 2), None, CAL, dt.date(2026, 9, 2)) == dt.date(
            2026, 9, 2
        )


def test_the_act_and_energizing_count_a_transferred_working_saturday():
    # Inspected on 29.10.2025: 30, 31 Oct, Saturday 1 Nov (working), 5, 6 Nov (3–4 Nov off).
    act = deadlines.act_term(values=VALUES)
    assert deadlines.step_due(dt.date(2025, 10, 29), act, CAL, None) == dt.date(2025, 11, 6)
    energize = deadlines.energize_term(values=VALUES)
    assert deadlines.step_due(dt.date(2025, 10, 29), energize, CAL, None) == dt.date(2025, 11, 6)


def test_the_new_step_rules_are_marked_unverified():
    new = {s.key: s for s in SPECS if s.key in ("inspection_wd", "act_wd", "energize_wd")}
    assert set(new) == {"inspection_wd", "act_wd", "energize_wd"}
    assert all(not s.verified and "НЕ ПРОВЕРЕНО" in s.source for s in new.values())
