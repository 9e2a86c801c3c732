"""Address search for people typing a Russian address (typeahead).

Streets are matched on their words (settlement + street name), addresses then on
the house number. PostgreSQL uses pg_trgm indexes (LIKE for what was typed
right, word similarity for typos); SQLite uses LIKE and a fuzzy pass in Python.
Candidates are ranked with rapidfuzz so both backends order results the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import Q, Value
from rapidfuzz import fuzz

from .addressing import parse_query, street_kind_key
from .models import ServiceAddress, Street

MAX_STREETS = 60
_HOUSE_NUMBER = re.compile(r"^(\d+)")


@dataclass
class StreetHit:
    street_id: int
    score: float


def word_score(words: tuple[str, ...], search_text: str, *, partial_last: bool = True) -> float:
    """How well the typed words match a street's words, 0–100.

    Each typed word takes its best street word: a prefix counts fully (typeahead),
    otherwise the edit-distance ratio (typos); the last word may be unfinished.
    """
    street_words = search_text.split()
    if not words or not street_words:
        return 0.0
    total = 0.0
    last = len(words) - 1
    for index, word in enumerate(words):
        best = 0.0
        for street_word in street_words:
            if street_word == word:
                best = 100.0
                break
            if street_word.startswith(word):
                score = 97.0 if (partial_last and index == last) else 90.0
            else:
                score = fuzz.ratio(word, street_word)
                if partial_last and index == last and len(street_word) > len(word) + 1:
                    score = max(score, fuzz.ratio(word, street_word[: len(word) + 1]) - 5)
            best = max(best, score)
        total += best
    # Fewer unmatched street words is a better match («ленина» before «героев ленина»).
    return total / len(words) - 0.5 * max(0, len(street_words) - len(words))


PREFERRED_BRANCH_BONUS = 5
TYPED_KIND_BONUS = 3


def _rank_streets(
    words: tuple[str, ...], rows, branch_id=None, kinds=frozenset()
) -> list[StreetHit]:
    hits = [
        StreetHit(
            street_id,
            word_score(words, text)
            + (PREFERRED_BRANCH_BONUS if row_branch == branch_id else 0)
            + (TYPED_KIND_BONUS if kinds and street_kind_key(kind) in kinds else 0),
        )
        for street_id, text, row_branch, kind in rows
    ]
    hits.sort(key=lambda h: (-h.score, h.street_id))
    return hits


def _indexable(words: tuple[str, ...]) -> tuple[str, ...]:
    long_words = tuple(w for w in words if len(w) >= 3)
    return long_words or words


def _streets_by_words(words: tuple[str, ...]) -> list[tuple[int, str]]:
    condition = Q()
    for word in _indexable(words):
        condition &= Q(search_text__contains=word)
    return list(
        Street.objects.filter(condition).values_list(
            "id", "search_text", "settlement__branch_id", "kind"
        )[: MAX_STREETS * 4]
    )


def _streets_fuzzy_postgres(words: tuple[str, ...]) -> list[tuple[int, str]]:
    """Streets whose words are all near the typed ones (pg_trgm index), most similar first."""
    condition = Q()
    similarity = None
    for word in _indexable(words):
        condition &= Q(search_text__trigram_word_similar=word)
        term = TrigramWordSimilarity(Value(word), "search_text")
        similarity = term if similarity is None else similarity + term
    with connection.cursor() as cursor:
        cursor.execute("SET pg_trgm.word_similarity_threshold = 0.3")
    return list(
        Street.objects.filter(condition)
        .annotate(similarity=similarity)
        .order_by("-similarity")
        .values_list("id", "search_text", "settlement__branch_id", "kind")[: MAX_STREETS * 4]
    )


_street_cache: dict = {"key": None, "rows": []}


def _streets_fuzzy_python(words: tuple[str, ...]) -> list[tuple[int, str]]:
    key = (
        Street.objects.count(),
        Street.objects.order_by("-id").values_list("id", flat=True).first(),
    )
    if _street_cache["key"] != key:
        _street_cache["rows"] = list(
            Street.objects.values_list("id", "search_text", "settlement__branch_id", "kind")
        )
        _street_cache["key"] = key
    scored = [(word_score(words, row[1]), row) for row in _street_cache["rows"]]
    scored = [item for item in scored if item[0] >= 70]
    scored.sort(key=lambda item: -item[0])
    return [row for _score, row in scored[: MAX_STREETS * 4]]


MIN_TYPO_RATIO = 60


def _best_word_ratio(word: str, search_text: str) -> float:
    return max((fuzz.ratio(word, street_word) for street_word in search_text.split()), default=0)


def _streets_with_one_typo(words: tuple[str, ...]) -> list[tuple]:
    """Streets matching every typed word but one, that one close enough to a street word.

    «коряжма лнеина»: «коряжма» narrows to one town's streets, «лнеина» is then
    compared with each of their words. Cheap, because the other words are exact.
    """
    long_words = [w for w in words if len(w) >= 3]
    if len(long_words) < 2:
        return []
    found = {}
    for index, missing in enumerate(long_words):
        rest = long_words[:index] + long_words[index + 1 :]
        condition = Q()
        for word in rest:
            condition &= Q(search_text__contains=word)
        for row in Street.objects.filter(condition).values_list(
            "id", "search_text", "settlement__branch_id", "kind"
        )[:3000]:
            if _best_word_ratio(missing, row[1]) >= MIN_TYPO_RATIO:
                found[row[0]] = row
    return list(found.values())


def _candidate_streets(
    words: tuple[str, ...], branch_id=None, kinds=frozenset()
) -> list[StreetHit]:
    rows = _streets_by_words(words)
    if not rows:
        rows = _streets_with_one_typo(words)
    if not rows:
        if connection.vendor == "postgresql":
            rows = _streets_fuzzy_postgres(words)
        else:
            rows = _streets_fuzzy_python(words)
    return _rank_streets(words, rows, branch_id, kinds)[:MAX_STREETS]


def _house_order(house_key: str) -> tuple[int, str]:
    match = _HOUSE_NUMBER.match(house_key)
    return (int(match.group(1)) if match else 10**9, house_key)


def address_search(*, query: str, limit: int = 10, branch_id=None) -> list[ServiceAddress]:
    """Addresses best matching what a person typed, best first.

    `branch_id` (the region the visitor chose) breaks near-ties in its favour:
    «Никольское» exists in several regions.
    """
    parsed = parse_query(query[:200])
    if not parsed.words:
        return []
    streets = _candidate_streets(parsed.words, branch_id, parsed.street_kinds)
    if not streets:
        return []
    street_rank = {hit.street_id: rank for rank, hit in enumerate(streets)}
    qs = ServiceAddress.objects.filter(street_id__in=street_rank.keys())
    house = parsed.houses[0] if parsed.houses else None
    if house:
        exact = list(qs.filter(house_key=house).values_list("id", "street_id", "house_key"))
        prefix = list(
            qs.filter(house_key__startswith=house)
            .exclude(house_key=house)
            .values_list("id", "street_id", "house_key")[: limit * 20]
        )
        rows = sorted(exact, key=lambda r: street_rank[r[1]]) + sorted(
            prefix, key=lambda r: (street_rank[r[1]], _house_order(r[2]))
        )
    else:
        # Without a house number the person is still choosing the street: show the
        # first houses of the best few streets in turn, so each street is offered.
        top = [hit.street_id for hit in streets[:5]]
        per_street: dict[int, list] = {street_id: [] for street_id in top}
        for row in qs.filter(street_id__in=top).values_list("id", "street_id", "house_key")[:2000]:
            per_street[row[1]].append(row)
        queues = [sorted(per_street[sid], key=lambda r: _house_order(r[2])) for sid in top]
        rows = []
        while len(rows) < limit and any(queues):
            for queue in queues:
                if queue and len(rows) < limit:
                    rows.append(queue.pop(0))
    ids = [r[0] for r in rows[:limit]]
    by_id = ServiceAddress.objects.select_related(
        "branch", "district", "substation", "street__settlement"
    ).in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]
