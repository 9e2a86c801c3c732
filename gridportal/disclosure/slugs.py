"""Latin slugs for stable document URLs («/documents/12-pp-861-ob-utverzhdenii-pravil/»)."""

from django.utils.text import slugify

_LATIN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya",
    }
)  # fmt: skip


def slug_of(*parts: str, words: int = 8) -> str:
    text = " ".join(p for p in parts if p).lower().translate(_LATIN)
    slug = slugify(text)
    return "-".join(slug.split("-")[:words]) or "document"
