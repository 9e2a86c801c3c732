"""Russian address text: normalisation for search and labels. Pure functions.

People type «ул. Ленина д 5», «ленина 5 петрозаводск», «Лёнина,5»: all become the
same words. House tokens are the ones with a digit; the rest are words matched
against the settlement and street names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations and type words that carry no meaning for the match.
STOPWORDS = frozenset(
    [
        "г",
        "гор",
        "город",
        "пгт",
        "пос",
        "поселок",
        "посёлок",
        "п",
        "с",
        "село",
        "д",
        "дер",
        "деревня",
        "рп",
        "мкр",
        "микрорайон",
        "снт",
        "ул",
        "улица",
        "пр",
        "пр-т",
        "пр-кт",
        "просп",
        "проспект",
        "пер",
        "переулок",
        "пл",
        "площадь",
        "наб",
        "набережная",
        "ш",
        "шоссе",
        "б-р",
        "бул",
        "бульвар",
        "проезд",
        "пр-д",
        "туп",
        "тупик",
        "линия",
        "аллея",
        "дом",
        "корп",
        "корпус",
        "стр",
        "строение",
        "кв",
        "квартира",
        "обл",
        "область",
        "р-н",
        "район",
        "респ",
        "республика",
    ]
)

_SPLIT = re.compile(r"[\s,;:.()«»\"']+")
# «2-я», «2я», «2-ая», «3-й», «3-ий»: street ordinals, not house numbers.
_ORDINAL = re.compile(r"^(\d{1,2})-?(?:а|о|ы|и)?([яй])$")
_HOUSE_PARTS = re.compile(r"^(\d+)\s*(?:[-/]?\s*([а-яa-z]|\d+))?$")


# Street-type words, folded to one spelling; a typed type is a tie-breaker in ranking.
STREET_KINDS = {
    "ул": "ул",
    "улица": "ул",
    "пр-т": "пр-т",
    "пр-кт": "пр-т",
    "просп": "пр-т",
    "проспект": "пр-т",
    "пл": "пл",
    "площадь": "пл",
    "пер": "пер",
    "переулок": "пер",
    "наб": "наб",
    "набережная": "наб",
    "ш": "ш",
    "шоссе": "ш",
    "проезд": "проезд",
    "пр-д": "проезд",
    "туп": "туп",
    "тупик": "туп",
    "линия": "линия",
    "аллея": "аллея",
    "бульвар": "б-р",
    "б-р": "б-р",
    "бул": "б-р",
    "мкр": "мкр",
    "микрорайон": "мкр",
}


def street_kind_key(kind: str) -> str:
    return STREET_KINDS.get(fold(kind).strip(".").strip(), fold(kind).strip("."))


def fold(text: str) -> str:
    """Lower case, ё→е, collapse spaces."""
    return " ".join(text.lower().replace("ё", "е").split())


# Latin transliteration back to Cyrillic («Lenina 5, Petrozavodsk»): the common ways people
# and passports write Russian names (GOST 7.79 B, ICAO, BGN); longest spellings first.
_LATIN = [
    ("shch", "щ"),
    ("sch", "щ"),
    ("yo", "ё"),
    ("jo", "ё"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("tc", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("yu", "ю"),
    ("ju", "ю"),
    ("iu", "ю"),
    ("ya", "я"),
    ("ja", "я"),
    ("ia", "я"),
    ("ye", "е"),
    ("iy", "ий"),
    ("yi", "ый"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("w", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("j", "й"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("h", "х"),
    ("c", "к"),
    ("x", "кс"),
    ("y", "ы"),
    ("q", "к"),
    ("'", "ь"),
]
_LATIN_WORD = re.compile(r"[a-z']+")


def latin_to_cyrillic(text: str) -> str:
    """«lenina petrozavodsk» → «ленина петрозаводск»; Cyrillic and digits stay as they are."""

    def word(match: re.Match) -> str:
        source, out, i = match.group(0), [], 0
        while i < len(source):
            for latin, cyrillic in _LATIN:
                if source.startswith(latin, i):
                    out.append(cyrillic)
                    i += len(latin)
                    break
            else:
                i += 1
        result = "".join(out)
        # «-iy»/«-yy» endings and a final «-ij» read as «-ий»/«-ый».
        return result.replace("ыы", "ый")

    return _LATIN_WORD.sub(word, text.lower())


def tokenize(text: str) -> list[str]:
    folded = fold(latin_to_cyrillic(text) if re.search(r"[A-Za-z]", text) else text)
    # «д.5» and «5к1» written together: split a letter-dot from a digit.
    folded = re.sub(r"(?<=[а-яa-z])\.(?=\d)", " ", folded)
    tokens = []
    for raw in _SPLIT.split(folded):
        token = raw.strip("-")
        if not token or token in STOPWORDS:
            continue
        ordinal = _ORDINAL.match(token)
        if ordinal:
            token = ordinal.group(1) + ordinal.group(2)
        tokens.append(token)
    return tokens


def house_key(house: str) -> str:
    """Canonical form of a house number: «12 А» → «12а», «5 корп. 1» → «5к1»."""
    text = fold(house).replace("корпус", "к").replace("корп", "к").replace("строение", "с")
    text = text.replace("стр", "с").replace(".", "").replace(" ", "")
    return text


@dataclass(frozen=True)
class ParsedQuery:
    words: tuple[str, ...]
    houses: tuple[str, ...]
    last_is_partial: bool
    street_kinds: frozenset[str] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not self.words and not self.houses


def parse_query(text: str) -> ParsedQuery:
    tokens = tokenize(text)

    def is_house(token):
        return any(c.isdigit() for c in token) and not _ORDINAL.match(token)

    words = tuple(t for t in tokens if not is_house(t))
    houses = tuple(house_key(t) for t in tokens if is_house(t))
    # «Ленина 5 к 1» → tokens «5», «к», «1»: rejoin a lone «к»/«с» with its neighbours.
    words = tuple(w for w in words if len(w) > 1 or w.isdigit())
    partial = bool(text) and not text[-1:].isspace()
    kinds = frozenset(
        STREET_KINDS[raw.strip("-")]
        for raw in _SPLIT.split(fold(text))
        if raw.strip("-") in STREET_KINDS
    )
    return ParsedQuery(words=words, houses=houses, last_is_partial=partial, street_kinds=kinds)


def street_search_text(*, settlement: str, street_kind: str, street: str) -> str:
    """What a street is matched on: the words of its settlement and its own name."""
    return " ".join(tokenize(f"{settlement} {street}"))


def address_label(*, settlement_label: str, street_kind: str, street: str, house: str) -> str:
    return f"{settlement_label}, {street_kind} {street}, д. {house}"
