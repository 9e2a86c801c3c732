"""Quiz scoring."""

from gridportal.learn.quiz import passes, quiz_score


def test_it_counts_right_answers_and_an_unanswered_question_is_wrong():
    score = quiz_score(key={1: 10, 2: 20, 3: 30}, answers={1: 10, 2: 21})
    assert (score.score, score.total) == (1, 3)
    assert [m.correct for m in score.marked] == [True, False, False]
    assert not score.passed


def test_four_in_five_passes_three_in_five_does_not():
    key = {i: i for i in range(5)}
    assert quiz_score(key=key, answers={0: 0, 1: 1, 2: 2, 3: 3, 4: 9}).passed
    assert not quiz_score(key=key, answers={0: 0, 1: 1, 2: 2}).passed
    assert passes(3, 3) and not passes(2, 3) and not passes(0, 0) and not passes(4, 3)
