"""Frequent words of free-text answers: different word forms count as one lemma."""

from gridportal.surveys.text import lemmas, top_phrases, top_terms


def test_word_forms_count_as_one_lemma_and_stop_words_are_dropped():
    assert lemmas("Мы ждали в очереди") == ["ждать", "очередь"]
    terms = dict(
        top_terms(["Долго ждали в очереди", "очередь большая, ждать пришлось", "Всё хорошо"])
    )
    assert terms["очередь"] == 2
    assert terms["ждать"] == 2
    assert "в" not in terms


def test_a_word_is_counted_once_per_answer():
    assert dict(top_terms(["очередь, очередь и ещё раз очередь"]))["очередь"] == 1


def test_phrases_seen_in_two_answers_are_listed():
    phrases = dict(
        top_phrases(["Долго ждали ответа", "долго ждать ответа на обращение", "ответ пришёл"])
    )
    assert phrases["ждать ответ"] == 2
    assert all(n >= 2 for n in phrases.values())
