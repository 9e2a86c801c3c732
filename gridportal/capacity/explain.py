"""How an assessment is explained to people: the calculation step by step in the reader's
numbers, the measurement it rests on, the reserve by voltage level, and the stored form.

The arithmetic itself is in rules.py; this module only turns its results into text and back.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .rules import ZERO, Assessment, Factors, LevelFigures, Step, TransformerLoad, q


def num(value) -> str:
    """A number as the reader writes it: «5 615,000» in Russian, «5,615.000» in English."""
    return number_format(value, use_l10n=True, force_grouping=True)


def measurement_basis(a: Assessment) -> str:
    """Which control measurement the load is taken from, and what the other days showed."""
    if a.measured_on is None:
        return gettext("no control measurements")
    others = [(d, t) for d, t in a.control_days if d != a.measured_on]
    if not others:
        return gettext("control measurement of {day}").format(
            day=a.measured_on.strftime("%d.%m.%Y")
        )
    return gettext(
        "the larger of the control measurements: {day} ({load} MVA); other days: {others}"
    ).format(
        day=a.measured_on.strftime("%d.%m.%Y"),
        load=num(a.load_mva),
        others="; ".join(
            gettext("{day} — {load} MVA").format(day=d.strftime("%d.%m.%Y"), load=num(t))
            for d, t in others
        ),
    )


def calculation_steps(a: Assessment) -> list[Step]:
    """The calculation line by line, as shown on the power-centre page (numbers localized)."""
    f = a.factors
    rated = sorted((t.rated_mva for t in a.transformers), reverse=True)
    loads = [
        t.load_mva
        for t in a.transformers
        if t.load_mva is not None and (a.measured_on is None or t.measured_on == a.measured_on)
    ]
    return [
        Step(
            _("Installed transformers"),
            " + ".join(num(q(r)) for r in rated) or "—",
            a.rated_total_mva,
        ),
        Step(_("Largest transformer, assumed lost (N-1)"), num(a.largest_mva), a.largest_mva),
        Step(
            _("Permissible load after losing it"),
            f"{num(f.overload)} × ({num(a.rated_total_mva)} − {num(a.largest_mva)})",
            a.permissible_mva,
        ),
        Step(
            _("Load: {basis}").format(basis=measurement_basis(a)),
            " + ".join(num(q(v)) for v in loads) or "—",
            a.load_mva,
        ),
        Step(
            _("Committed capacity not yet built, each site counted once"),
            gettext("{k} × {kw} kW / 1000 / {cos}").format(
                k=num(f.coincidence), kw=num(a.committed_kw_sites), cos=num(f.cos_phi)
            ),
            a.committed_mva,
        ),
        Step(
            _("Reserve"),
            f"{num(a.permissible_mva)} − {num(a.load_mva)} − {num(a.committed_mva)}",
            a.reserve_mva,
        ),
        Step(
            _("Reserve in MW"),
            f"{num(a.reserve_mva)} × {num(f.cos_phi)}",
            a.reserve_mw,
            "MW",
        ),
    ]


def voltage_levels(a: Assessment) -> list[LevelFigures]:
    """N-1 per transformation voltage, for centres with transformers of several voltages."""
    groups: dict[str, list[TransformerLoad]] = {}
    for t in a.transformers:
        groups.setdefault(t.voltage or "", []).append(t)
    if len(groups) < 2:
        return []
    levels = []
    for voltage, ts in sorted(groups.items()):
        rated = sorted((t.rated_mva for t in ts), reverse=True)
        permissible = a.factors.overload * (sum(rated, ZERO) - rated[0])
        load = sum(
            (t.load_mva for t in ts if t.load_mva is not None and t.measured_on == a.measured_on),
            ZERO,
        )
        levels.append(
            LevelFigures(voltage, len(ts), q(permissible), q(load), q(permissible - load))
        )
    return levels


def assessment_to_details(a: Assessment) -> dict:
    """The figures a stored row keeps besides its columns, JSON-ready."""
    return {
        "control_days": [[d.isoformat(), str(t)] for d, t in a.control_days],
        "largest_mva": str(a.largest_mva),
        "committed_kw_raw": str(a.committed_kw_raw),
        "site_count": a.site_count,
        "application_count": a.application_count,
        "transformers": [
            {
                "name": t.name,
                "rated_mva": str(t.rated_mva),
                "load_mva": None if t.load_mva is None else str(t.load_mva),
                "measured_on": t.measured_on.isoformat() if t.measured_on else None,
                "voltage": t.voltage,
            }
            for t in a.transformers
        ],
        "levels": [
            {
                "voltage": lv.voltage,
                "transformer_count": lv.transformer_count,
                "permissible_mva": str(lv.permissible_mva),
                "load_mva": str(lv.load_mva),
                "reserve_mva": str(lv.reserve_mva),
            }
            for lv in voltage_levels(a)
        ],
    }


def assessment_from_record(r) -> Assessment:
    """Rebuild the calculation from a stored row (a CapacityAssessment or the like)."""
    d = r.details or {}
    return Assessment(
        transformer_count=r.transformer_count,
        rated_total_mva=r.rated_total_mva,
        largest_mva=Decimal(d.get("largest_mva", "0")),
        permissible_mva=r.permissible_mva,
        load_mva=r.load_mva,
        measured_on=r.measured_on,
        committed_kw_raw=Decimal(d.get("committed_kw_raw", "0")),
        committed_kw_sites=r.committed_kw,
        committed_mva=r.committed_mva,
        site_count=d.get("site_count", 0),
        application_count=d.get("application_count", 0),
        reserve_mva=r.reserve_mva,
        reserve_mw=r.reserve_mw,
        status=r.status,
        constraint=r.constraint,
        factors=Factors(r.overload_factor, r.coincidence_factor, r.cos_phi, r.threshold_mva),
        transformers=[
            TransformerLoad(
                name=t["name"],
                rated_mva=Decimal(t["rated_mva"]),
                load_mva=None if t["load_mva"] is None else Decimal(t["load_mva"]),
                measured_on=date.fromisoformat(t["measured_on"]) if t["measured_on"] else None,
                voltage=t.get("voltage", ""),
            )
            for t in d.get("transformers", [])
        ],
        control_days=[
            (date.fromisoformat(day), Decimal(t)) for day, t in d.get("control_days", [])
        ],
    )
