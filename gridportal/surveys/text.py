"""The most frequent words and phrases of free-text answers, Russian lemmatized.

Tokens by razdel, lemmas by pymorphy3 (the maintained morphology library for Russian),
stop-words from the `stop-words` package plus a few that carry nothing in a service
questionnaire. «Долго ждали в очереди» and «ждать очередь долго» count the same words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

EXTRA_STOP = {"это", "всё", "весь", "очень", "который", "свой", "нет", "да", "такой", "мочь"}


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from stop_words import get_stop_words

    return frozenset(get_stop_words("russian")) | frozenset(get_stop_words("english")) | EXTRA_STOP


@lru_cache(maxsize=20000)
def lemma(word: str) -> str:
    word = word.lower().replace("ё", "е")
    if not any("а" <= ch <= "я" for ch in word):
        return word
    return _morph().parse(word)[0].normal_form.replace("ё", "е")


def lemmas(text: str) -> list[str]:
    """Content words of a text as lemmas, stop-words and non-words removed."""
    from razdel import tokenize

    stop = _stop_words()
    out = []
    for token in tokenize(text):
        word = token.text
        if len(word) < 3 or not any(ch.isalpha() for ch in word):
            continue
        base = lemma(word)
        if base in stop or word.lower() in stop:
            continue
        out.append(base)
    return out


def top_terms(texts: Iterable[str], *, limit: int = 15) -> list[tuple[str, int]]:
    """The most frequent lemmas, each counted once per answer."""
    counter: Counter[str] = Counter()
    for text in texts:
        counter.update(set(lemmas(text)))
    return counter.most_common(limit)


def top_phrases(texts: Iterable[str], *, limit: int = 10) -> list[tuple[str, int]]:
    """The most frequent pairs of neighbouring content lemmas (seen in two answers or more)."""
    counter: Counter[str] = Counter()
    for text in texts:
        words = lemmas(text)
        counter.update({f"{a} {b}" for a, b in zip(words, words[1:], strict=False)})
    return [(p, n) for p, n in counter.most_common(limit) if n >= 2]
