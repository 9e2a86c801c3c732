"""«What changed» between two versions of a document: a line diff of their texts."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

MAX_LINES = 4000


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same", "added", "removed", "gap"
    text: str


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()][:MAX_LINES]


def text_diff(old: str, new: str, *, context: int = 2) -> list[DiffLine]:
    """Changed lines with a little context; templates escape the text as usual."""
    a, b = _lines(old), _lines(new)
    rows: list[DiffLine] = []
    for group in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_grouped_opcodes(context):
        if rows:
            rows.append(DiffLine("gap", "…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                rows.extend(DiffLine("same", line) for line in a[i1:i2])
                continue
            if tag in ("replace", "delete"):
                rows.extend(DiffLine("removed", line) for line in a[i1:i2])
            if tag in ("replace", "insert"):
                rows.extend(DiffLine("added", line) for line in b[j1:j2])
    return rows


def document_diff(old, new) -> dict:
    """Differences of summary and file text between two documents."""
    return {
        "summary": text_diff(old.summary, new.summary),
        "text": text_diff(old.file_text, new.file_text),
    }
