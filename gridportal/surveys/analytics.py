"""Questionnaire arithmetic, pure: which questions show, checking answers, CSAT, NPS, summaries.

A questionnaire is a list of `QuestionDef`s in order; an answer set is a dict from
question key to a value (an int for ratings, "yes"/"no", a choice value, a list of
choice values, or text). No database here: the services, the API and the analytics
pages all call these, and the tests check them against hand-worked numbers.

- **CSAT** (customer satisfaction): the share of 4 and 5 among the answers on a 1–5
  scale, in per cent.
- **NPS** (net promoter score): on a 0–10 scale, per cent of promoters (9–10) minus per
  cent of detractors (0–6); from −100 to 100.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .choices import QuestionKind

SCALES = {QuestionKind.CSAT: (1, 5), QuestionKind.NPS: (0, 10)}
YES_NO = ("yes", "no")
TEXT_LIMIT = {QuestionKind.SHORT_TEXT: 300, QuestionKind.LONG_TEXT: 4000}


@dataclass(frozen=True)
class QuestionDef:
    key: str
    kind: str
    required: bool = True
    condition_key: str = ""
    condition_value: str = ""
    choices: tuple[str, ...] = ()


def answer_matches(value, expected: str) -> bool:
    """Whether an answer satisfies a condition's expected value."""
    if value is None or value == "" or value == []:
        return False
    if isinstance(value, list):
        return expected in value
    return str(value) == expected


def visible_keys(questions: Sequence[QuestionDef], answers: Mapping[str, object]) -> list[str]:
    """Keys of the questions shown for these answers, in order.

    A question with a condition shows only if the question it depends on is itself
    shown and its answer matches; a condition on a later or unknown question hides it.
    """
    shown: list[str] = []
    for question in questions:
        if question.condition_key:
            if question.condition_key not in shown:
                continue
            if not answer_matches(answers.get(question.condition_key), question.condition_value):
                continue
        shown.append(question.key)
    return shown


def _parse(question: QuestionDef, raw):
    """The typed value of one raw answer, or raise ValueError; None for «not answered»."""
    if raw is None or raw == "" or raw == []:
        return None
    kind = question.kind
    if kind in SCALES:
        if isinstance(raw, bool):
            raise ValueError
        number = int(str(raw).strip())
        low, high = SCALES[kind]
        if not low <= number <= high:
            raise ValueError
        return number
    if kind == QuestionKind.YES_NO:
        if str(raw) not in YES_NO:
            raise ValueError
        return str(raw)
    if kind == QuestionKind.SINGLE:
        if str(raw) not in question.choices:
            raise ValueError
        return str(raw)
    if kind == QuestionKind.MULTIPLE:
        values = [raw] if isinstance(raw, str) else list(raw)
        if not values or any(str(v) not in question.choices for v in values):
            raise ValueError
        return [c for c in question.choices if c in {str(v) for v in values}]
    text = str(raw).strip()
    if len(text) > TEXT_LIMIT.get(kind, 4000):
        raise ValueError
    return text or None


def clean_answers(
    questions: Sequence[QuestionDef], raw: Mapping[str, object]
) -> tuple[dict[str, object], dict[str, str]]:
    """(typed answers of the shown questions, {key: "required" | "invalid"}).

    Answers to questions that the conditions hide are dropped, so a tampered form
    cannot store them; unknown keys are ignored.
    """
    cleaned: dict[str, object] = {}
    errors: dict[str, str] = {}
    # Conditions read earlier answers, so parse in order and decide visibility as we go.
    by_key = {q.key: q for q in questions}
    parsed: dict[str, object] = {}
    for question in questions:
        try:
            parsed[question.key] = _parse(question, raw.get(question.key))
        except (TypeError, ValueError):
            parsed[question.key] = None
            errors[question.key] = "invalid"
    for key in visible_keys(questions, parsed):
        value = parsed[key]
        if key in errors:
            continue
        if value is None:
            if by_key[key].required:
                errors[key] = "required"
            continue
        cleaned[key] = value
    errors = {k: v for k, v in errors.items() if k in visible_keys(questions, parsed)}
    return cleaned, errors


def csat(scores: Iterable[int]) -> float | None:
    """Per cent of 4–5 among 1–5 ratings (one decimal); None without ratings."""
    values = list(scores)
    if not values:
        return None
    return round(100.0 * sum(1 for s in values if s >= 4) / len(values), 1)


def nps(scores: Iterable[int]) -> float | None:
    """Promoters (9–10) minus detractors (0–6), per cent of all 0–10 answers; None without."""
    values = list(scores)
    if not values:
        return None
    promoters = sum(1 for s in values if s >= 9)
    detractors = sum(1 for s in values if s <= 6)
    return round(100.0 * (promoters - detractors) / len(values), 1)


def is_low_score(kind: str, value, *, csat_max: int = 2, nps_max: int = 6) -> bool:
    """A score that opens a follow-up: CSAT up to `csat_max`, NPS up to `nps_max`."""
    if kind == QuestionKind.CSAT:
        return isinstance(value, int) and value <= csat_max
    if kind == QuestionKind.NPS:
        return isinstance(value, int) and value <= nps_max
    return False


@dataclass
class QuestionSummary:
    key: str
    kind: str
    answered: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # option / score / yes-no -> count
    mean: float | None = None
    csat: float | None = None
    nps: float | None = None
    texts: list[str] = field(default_factory=list)


def summarize(
    questions: Sequence[QuestionDef], answer_sets: Iterable[Mapping[str, object]]
) -> tuple[int, dict[str, QuestionSummary]]:
    """(number of responses, summary per question) over typed answer sets."""
    summaries = {q.key: QuestionSummary(key=q.key, kind=q.kind) for q in questions}
    numbers: dict[str, list[int]] = {q.key: [] for q in questions}
    counters: dict[str, Counter] = {q.key: Counter() for q in questions}
    total = 0
    for answers in answer_sets:
        total += 1
        for question in questions:
            value = answers.get(question.key)
            if value is None or value == "" or value == []:
                continue
            summary = summaries[question.key]
            summary.answered += 1
            if question.kind in SCALES:
                numbers[question.key].append(int(value))
                counters[question.key][str(int(value))] += 1
            elif isinstance(value, list):
                counters[question.key].update(str(v) for v in value)
            elif question.kind in TEXT_LIMIT:
                summary.texts.append(str(value))
            else:
                counters[question.key][str(value)] += 1
    for question in questions:
        summary = summaries[question.key]
        scale = SCALES.get(question.kind)
        if scale:
            summary.counts = {
                str(s): counters[question.key].get(str(s), 0) for s in range(scale[0], scale[1] + 1)
            }
            values = numbers[question.key]
            summary.mean = round(sum(values) / len(values), 2) if values else None
            if question.kind == QuestionKind.CSAT:
                summary.csat = csat(values)
            else:
                summary.nps = nps(values)
        elif question.kind == QuestionKind.YES_NO:
            summary.counts = {v: counters[question.key].get(v, 0) for v in YES_NO}
        elif question.choices:
            summary.counts = {c: counters[question.key].get(c, 0) for c in question.choices}
    return total, summaries
