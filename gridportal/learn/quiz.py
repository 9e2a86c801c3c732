"""Quiz scoring: pure, over the ids of the questions, their right answers and the child's."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

# A child passes with at least four answers in five right: a teaching choice, not a rule of law.
PASS_SHARE = Fraction(4, 5)


@dataclass(frozen=True)
class Marked:
    question: int
    chosen: int | None
    right: int
    correct: bool


@dataclass(frozen=True)
class QuizScore:
    marked: tuple[Marked, ...]
    score: int
    total: int

    @property
    def passed(self) -> bool:
        return passes(self.score, self.total)


def passes(score: int, total: int) -> bool:
    return total > 0 and 0 <= score <= total and Fraction(score, total) >= PASS_SHARE


def quiz_score(*, key: Mapping[int, int], answers: Mapping[int, int | None]) -> QuizScore:
    """Mark every question of `key` (question → right choice); an unanswered one is wrong."""
    marked = tuple(
        Marked(question=q, chosen=answers.get(q), right=right, correct=answers.get(q) == right)
        for q, right in key.items()
    )
    return QuizScore(marked=marked, score=sum(m.correct for m in marked), total=len(marked))
