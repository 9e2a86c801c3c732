"""CSAT, NPS, conditions and summaries: hand-worked numbers and a recount property."""

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from gridportal.surveys.analytics import (
    QuestionDef,
    clean_answers,
    csat,
    is_low_score,
    nps,
    summarize,
    visible_keys,
)
from gridportal.surveys.choices import QuestionKind as K

QUESTIONS = [
    QuestionDef("overall", K.CSAT),
    QuestionDef("clear", K.YES_NO),
    QuestionDef("missing", K.LONG_TEXT, required=True, condition_key="clear", condition_value="no"),
    QuestionDef("topics", K.MULTIPLE, required=False, choices=("connection", "metering", "outage")),
    QuestionDef("recommend", K.NPS),
]


def test_csat_is_the_share_of_four_and_five():
    # 4, 5, 5 of 1, 2, 3, 4, 5, 5 → 3 of 6 = 50 %
    assert csat([1, 2, 3, 4, 5, 5]) == 50.0
    assert csat([5]) == 100.0
    assert csat([3, 3, 2]) == 0.0
    assert csat([]) is None


def test_nps_is_promoters_minus_detractors():
    # promoters 9, 10, 10 (3); passives 7, 8 (2); detractors 0, 6 (2) of 7 → (3 − 2) / 7 = 14.3
    assert nps([9, 10, 10, 7, 8, 0, 6]) == 14.3
    assert nps([10, 10]) == 100.0
    assert nps([6, 0, 3]) == -100.0
    assert nps([7, 8]) == 0.0
    assert nps([]) is None


def test_a_conditional_question_shows_only_after_the_matching_answer():
    assert visible_keys(QUESTIONS, {"clear": "yes"}) == ["overall", "clear", "topics", "recommend"]
    assert "missing" in visible_keys(QUESTIONS, {"clear": "no"})
    assert "missing" not in visible_keys(QUESTIONS, {})


def test_a_condition_on_a_hidden_question_hides_its_dependant_too():
    chain = [
        QuestionDef("a", K.YES_NO),
        QuestionDef("b", K.YES_NO, condition_key="a", condition_value="no"),
        QuestionDef("c", K.SHORT_TEXT, condition_key="b", condition_value="no"),
    ]
    assert visible_keys(chain, {"a": "yes", "b": "no"}) == ["a"]
    assert visible_keys(chain, {"a": "no", "b": "no"}) == ["a", "b", "c"]


def test_the_required_conditional_question_must_be_answered_only_when_shown():
    _cleaned, errors = clean_answers(QUESTIONS, {"overall": "4", "clear": "no", "recommend": "9"})
    assert errors == {"missing": "required"}
    cleaned, errors = clean_answers(QUESTIONS, {"overall": "4", "clear": "yes", "recommend": "9"})
    assert errors == {}
    assert cleaned == {"overall": 4, "clear": "yes", "recommend": 9}


def test_an_answer_to_a_hidden_question_is_not_kept():
    cleaned, errors = clean_answers(
        QUESTIONS,
        {"overall": 5, "clear": "yes", "missing": "sneaked in", "recommend": 10},
    )
    assert errors == {}
    assert "missing" not in cleaned


def test_out_of_scale_and_unknown_options_are_invalid():
    _c, errors = clean_answers(
        QUESTIONS, {"overall": "6", "clear": "maybe", "topics": ["gas"], "recommend": "11"}
    )
    assert errors == {
        "overall": "invalid",
        "clear": "invalid",
        "topics": "invalid",
        "recommend": "invalid",
    }
    _c, errors = clean_answers(QUESTIONS, {"overall": True, "clear": "yes", "recommend": 9})
    assert errors == {"overall": "invalid"}


def test_low_scores_are_csat_up_to_two_and_nps_up_to_six():
    assert is_low_score(K.CSAT, 2) and not is_low_score(K.CSAT, 3)
    assert is_low_score(K.NPS, 6) and not is_low_score(K.NPS, 7)
    assert not is_low_score(K.YES_NO, "no")
    assert is_low_score(K.CSAT, 3, csat_max=3)


def test_the_summary_of_three_answers_by_hand():
    sets = [
        {"overall": 5, "clear": "yes", "topics": ["connection", "outage"], "recommend": 10},
        {"overall": 2, "clear": "no", "missing": "срок", "recommend": 3},
        {"overall": 4, "clear": "yes", "topics": ["outage"], "recommend": 8},
    ]
    total, summary = summarize(QUESTIONS, sets)
    assert total == 3
    assert summary["overall"].counts == {"1": 0, "2": 1, "3": 0, "4": 1, "5": 1}
    assert summary["overall"].mean == 3.67
    assert summary["overall"].csat == 66.7
    assert summary["recommend"].nps == 0.0  # one promoter, one detractor, one passive
    assert summary["topics"].counts == {"connection": 1, "metering": 0, "outage": 2}
    assert summary["clear"].counts == {"yes": 2, "no": 1}
    assert summary["missing"].texts == ["срок"]


ANSWER_SET = st.fixed_dictionaries(
    {},
    optional={
        "overall": st.integers(1, 5),
        "clear": st.sampled_from(["yes", "no"]),
        "topics": st.lists(
            st.sampled_from(["connection", "metering", "outage"]), min_size=1, unique=True
        ),
        "recommend": st.integers(0, 10),
    },
)


@settings(deadline=None)
@given(st.lists(ANSWER_SET, max_size=60))
def test_the_summary_equals_a_direct_recount_of_the_raw_answers(sets):
    total, summary = summarize(QUESTIONS, sets)
    assert total == len(sets)
    ratings = [s["overall"] for s in sets if "overall" in s]
    scores = [s["recommend"] for s in sets if "recommend" in s]
    assert summary["overall"].answered == len(ratings)
    assert summary["overall"].counts == {str(i): ratings.count(i) for i in range(1, 6)}
    expected_csat = round(100 * sum(r >= 4 for r in ratings) / len(ratings), 1) if ratings else None
    assert summary["overall"].csat == expected_csat
    expected_nps = (
        round(100 * (sum(s >= 9 for s in scores) - sum(s <= 6 for s in scores)) / len(scores), 1)
        if scores
        else None
    )
    assert summary["recommend"].nps == expected_nps
    topics = Counter(t for s in sets for t in s.get("topics", []))
    assert summary["topics"].counts == {t: topics[t] for t in ("connection", "metering", "outage")}
    assert summary["clear"].counts == {
        "yes": sum(s.get("clear") == "yes" for s in sets),
        "no": sum(s.get("clear") == "no" for s in sets),
    }
