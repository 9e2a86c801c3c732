"""Full-text search of the registry with Russian morphology.

PostgreSQL: the stored `search_vector` (config `russian`, weights A title/number,
B summary/body, C file text) against `websearch_to_tsquery` — quotes make a phrase —
ranked by `ts_rank` of the small `rank_vector` (number and title; then newest first) and highlighted by `ts_headline`. Other databases (SQLite in
development and tests): the query's Snowball stems must each occur among the stored
stems (a quoted phrase as a run of stems), newest first, highlighted in Python.

On both, an abbreviation typed on its own («ТП», «ЦОК») matches itself or any of its full
forms (disclosure/abbreviations.py): «ТП» finds «технологического присоединения»; and a
full form typed out finds its abbreviation when that stands for nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Greatest, Lower, Replace, StrIndex, Substr
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..abbreviations import ABBREVIATIONS
from ..models import Document
from ..services.search_index import SEARCH_CONFIG
from ..stems import stem, stems_of

_PHRASE = re.compile(r'"([^"]+)"')
_WORD = re.compile(r"[0-9a-zа-яё]+", re.IGNORECASE)
# Markers ts_headline puts around a match; the text is escaped before they become <mark>.
_START, _STOP = "\u27e6", "\u27e7"
EXCERPT_CHARS = 900


# An abbreviation on its own: not negated («-ТП»), not part of a longer word or of a
# dispatch name («ТП-110»).
_ABBREVIATION = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE,
)


# The full form of an abbreviation that stands for one thing only, as a run of stems: typed
# out, it finds the abbreviation too («центры обслуживания клиентов» finds «ЦОК»). «ТП» has
# two full forms, so neither of them finds a bare «ТП», which may mean the other.
_FULL_FORMS = {
    tuple(stems_of(forms[0])): abbreviation
    for abbreviation, forms in ABBREVIATIONS.items()
    if len(forms) == 1
}
_LONGEST_FORM = max(len(run) for run in _FULL_FORMS)


@dataclass(frozen=True)
class ParsedQuery:
    phrases: list[list[str]]  # each a run of stems
    words: list[str]  # stems outside quotes
    # The text as typed without the abbreviations and full forms taken out (PostgreSQL's
    # websearch query), and for each of those the texts of which any one must occur.
    rest: str = ""
    alternatives: list[list[str]] = field(default_factory=list)

    @property
    def either(self) -> list[list[list[str]]]:
        """`alternatives` as runs of stems."""
        return [[stems_of(text) for text in group] for group in self.alternatives]

    @property
    def empty(self) -> bool:
        return not (self.phrases or self.words or self.either)

    @property
    def all_stems(self) -> set[str]:
        runs = [*self.phrases, *(run for group in self.either for run in group)]
        return set(self.words) | {s for run in runs for s in run}


def _take_full_forms(part: str, groups: list[list[str]]) -> str:
    """Take each full form typed out (in any word form) from `part`, adding the group «these
    words or the abbreviation» for it."""
    tokens = [(m.start(), m.end(), stem(m.group())) for m in _WORD.finditer(part)]
    cuts, i = [], 0
    while i < len(tokens):
        for n in range(min(_LONGEST_FORM, len(tokens) - i), 0, -1):
            abbreviation = _FULL_FORMS.get(tuple(t[2] for t in tokens[i : i + n]))
            start, end = tokens[i][0], tokens[i + n - 1][1]
            if abbreviation and part[start - 1 : start] != "-":
                groups.append([part[start:end], abbreviation])
                cuts.append((start, end))
                i += n
                break
        else:
            i += 1
    for start, end in reversed(cuts):
        part = part[:start] + " " + part[end:]
    return part


def _outside_quotes(text: str) -> tuple[str, list[list[str]]]:
    """The text with the abbreviations typed on their own and the full forms typed out taken
    from its unquoted parts, and for each taken one the texts any one of which must occur:
    an abbreviation and its full forms, or the words typed and their abbreviation."""
    groups: list[list[str]] = []

    def take(match: re.Match) -> str:
        abbreviation = match.group(1).lower()
        groups.append([abbreviation, *ABBREVIATIONS[abbreviation]])
        return " "

    parts = (text or "").split('"')
    for i in range(0, len(parts), 2):  # the even parts are outside quotes
        parts[i] = _ABBREVIATION.sub(take, _take_full_forms(parts[i], groups))
    return '"'.join(parts), groups


def query_parse(text: str) -> ParsedQuery:
    rest, groups = _outside_quotes(text)
    phrases = [stems_of(p) for p in _PHRASE.findall(rest)]
    return ParsedQuery(
        phrases=[p for p in phrases if p],
        words=stems_of(_PHRASE.sub(" ", rest)),
        rest=rest,
        alternatives=groups,
    )


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _search_query(parsed: ParsedQuery) -> SearchQuery:
    """PostgreSQL: the person's words as `websearch_to_tsquery`, and for each abbreviation
    or full form taken out «any one of these phrases»."""
    query = None
    if _WORD.search(parsed.rest):
        query = SearchQuery(parsed.rest, config=SEARCH_CONFIG, search_type="websearch")
    for group in parsed.alternatives:
        either = None
        for alternative in group:
            phrase = SearchQuery(alternative, config=SEARCH_CONFIG, search_type="phrase")
            either = phrase if either is None else either | phrase
        query = either if query is None else query & either
    return query


def search_filter(queryset: QuerySet, text: str) -> QuerySet:
    """The documents matching `text`, best first (PostgreSQL) or newest first."""
    parsed = query_parse(text)
    if parsed.empty:
        return queryset.none()
    if _is_postgres():
        query = _search_query(parsed)
        return (
            queryset.filter(search_vector=query)
            .annotate(rank=SearchRank(F("rank_vector"), query))
            .order_by("-rank", "-date", "-id")
            .prefer_index()
        )
    for word in parsed.words:
        queryset = queryset.filter(search_stems__contains=f" {word} ")
    for phrase in parsed.phrases:
        queryset = queryset.filter(search_stems__contains=" " + " ".join(phrase) + " ")
    for group in parsed.either:
        any_form = Q()
        for run in group:
            any_form |= Q(search_stems__contains=" " + " ".join(run) + " ")
        queryset = queryset.filter(any_form)
    return queryset.order_by("-date", "-id")


def _marked(text: str) -> SafeString:
    return mark_safe(  # noqa: S308 — escaped first; only our markers become tags
        escape(text).replace(_START, "<mark>").replace(_STOP, "</mark>")
    )


def _python_headline(text: str, stems: set[str], *, width: int = 30) -> SafeString:
    words = (text or "").split()
    hits = [i for i, w in enumerate(words) if any(stem(m) in stems for m in _WORD.findall(w))]
    if not hits:
        return _marked(" ".join(words[:width]))
    start = max(0, hits[0] - width // 3)
    window = words[start : start + width]
    out = []
    for w in window:
        if any(stem(m) in stems for m in _WORD.findall(w)):
            out.append(f"{_START}{w}{_STOP}")
        else:
            out.append(w)
    prefix = "… " if start else ""
    return _marked(prefix + " ".join(out) + (" …" if start + width < len(words) else ""))


def _excerpt(field: str, parsed: ParsedQuery):
    """Up to EXCERPT_CHARS of the field around the first place a query stem occurs.

    ts_headline parses all the text it is given: a regulation's hundreds of kilobytes for
    each of 20 results would take seconds, so it gets only the neighbourhood of a match.
    """
    stems = [s for s in parsed.words + [w for p in parsed.phrases for w in p] if len(s) > 2]
    if not stems:
        return Substr(field, 1, EXCERPT_CHARS)
    folded = Lower(Replace(field, Value("ё"), Value("е")))
    position = StrIndex(folded, Value(stems[0]))
    return Substr(field, Greatest(position - EXCERPT_CHARS // 3, Value(1)), EXCERPT_CHARS)


def headlines(documents: list[Document], text: str) -> dict[int, SafeString]:
    """An excerpt with the matches marked, per document id (for one page of results)."""
    parsed = query_parse(text)
    if not documents or parsed.empty:
        return {}
    ids = [d.pk for d in documents]
    if _is_postgres():
        query = _search_query(parsed)
        rows = Document.objects.filter(pk__in=ids).annotate(
            headline=SearchHeadline(
                _excerpt("file_text", parsed),
                query,
                config=SEARCH_CONFIG,
                start_sel=_START,
                stop_sel=_STOP,
                max_words=30,
                min_words=12,
                max_fragments=1,
            ),
            summary_headline=SearchHeadline(
                Substr("summary", 1, EXCERPT_CHARS),
                query,
                config=SEARCH_CONFIG,
                start_sel=_START,
                stop_sel=_STOP,
            ),
        )
        answer = {}
        for row in rows.values("pk", "headline", "summary_headline"):
            best = row["headline"] if _START in (row["headline"] or "") else row["summary_headline"]
            answer[row["pk"]] = _marked(best or "")
        return answer
    stems = parsed.all_stems
    answer = {}
    for doc in documents:
        source = doc.file_text if any(s in doc.file_text.lower() for s in stems) else doc.summary
        answer[doc.pk] = _python_headline(source or doc.summary, stems)
    return answer
