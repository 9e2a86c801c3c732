"""Where planned work switches the power off, in words people search for.

The network knows which houses each switched-off ТП feeds; `places_text` turns those
houses into «д. Большая Рябинка: ул. Кутузова, д. 1–7, 9; ул. Ленина, д. 2» — settlements,
streets and house ranges (consecutive plain numbers joined into a range). Pure: the
selector (selectors/public.py: planned_places) feeds it plain rows.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

_PLAIN = re.compile(r"^\d+$")


def house_ranges(houses: Iterable[str]) -> str:
    """«1, 2, 3, 5, 7а, 8» → «1–3, 5, 7а, 8»: runs of consecutive plain numbers become ranges."""
    unique = sorted({h.strip() for h in houses if h and h.strip()}, key=lambda h: _sort_key(h))
    parts: list[str] = []
    run: list[int] = []

    def flush():
        if not run:
            return
        if len(run) >= 3:
            parts.append(f"{run[0]}–{run[-1]}")
        else:
            parts.extend(str(n) for n in run)
        run.clear()

    for house in unique:
        if _PLAIN.match(house):
            number = int(house)
            if run and number != run[-1] + 1:
                flush()
            run.append(number)
        else:
            flush()
            parts.append(house)
    flush()
    return ", ".join(parts)


def _sort_key(house: str):
    match = re.match(r"^(\d+)(.*)$", house)
    if match:
        return (0, int(match.group(1)), match.group(2))
    return (1, 0, house)


def places_lines(rows: Iterable[tuple[str, str, str]]) -> list[str]:
    """(settlement label, street label, house) rows → one line per settlement, streets in order."""
    tree: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for settlement, street, house in rows:
        tree[settlement][street].append(house)
    lines = []
    for settlement in sorted(tree):
        streets = "; ".join(
            f"{street}, д. {house_ranges(houses)}"
            for street, houses in sorted(tree[settlement].items())
        )
        lines.append(f"{settlement}: {streets}")
    return lines


def places_text(rows: Iterable[tuple[str, str, str]]) -> str:
    return "\n".join(places_lines(rows))
