"""Russian and English stems, for search where PostgreSQL's full-text search is absent.

Both the stored text and the query are reduced to Snowball stems (the same algorithm
PostgreSQL's `russian` configuration uses), so «присоединение» finds «присоединения».
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"[0-9a-zа-яё]+", re.IGNORECASE)
_RUSSIAN = snowballstemmer.stemmer("russian")
_ENGLISH = snowballstemmer.stemmer("english")


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    word = word.lower().replace("ё", "е")
    if re.search("[а-я]", word):
        return _RUSSIAN.stemWord(word)
    return _ENGLISH.stemWord(word)


def stems_of(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text or "")]


def stemmed_text(text: str) -> str:
    """The stems of `text`, space-separated and framed by spaces for whole-stem matching."""
    return " " + " ".join(stems_of(text)) + " "
