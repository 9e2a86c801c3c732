"""Free capacity of a power centre by the N-1 rule: pure arithmetic, no database.

    S_perm(N-1) = k_overload × Σ S_rated (all transformers except the largest)
    S_load      = the larger of the centre's control measurements of the last 12 months
                  (winter and summer days; the window is a dated rule)
    S_committed = k_coincidence × Σ_sites max(kW of the site's applications) / 1000 / cos φ
    reserve     = S_perm(N-1) − S_load − S_committed   (MVA; × cos φ for MW)
    status      = open if reserve > threshold, else closed, with the limiting constraint named

Every step is returned with its formula so that the page can show the
calculation line by line (see docs/capacity.md).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from gridportal.core import rules as core_rules
from gridportal.core.choices import RuleUnit
from gridportal.core.rules import RuleSpec

from .choices import CapacityStatus, Constraint

ZERO = Decimal("0")
MVA = Decimal("0.001")  # results are kept to 1 kVA


@dataclass(frozen=True)
class Factors:
    """The regulatory parameters valid on the calculation day."""

    overload: Decimal
    coincidence: Decimal
    cos_phi: Decimal
    threshold_mva: Decimal


# The factors as dated rules (namespace "capacity"). The defaults are placeholders until the
# company checks them against its own standards: every one is UNVERIFIED (docs/capacity.md).
NAMESPACE = "capacity"
SINCE = date(2014, 5, 6)
SPECS = [
    RuleSpec(
        key="overload_factor",
        default=Decimal("1.4"),
        type=Decimal,
        unit=RuleUnit.FACTOR,
        label=_("overload factor (k_overload)"),
        above=0,
        maximum=3,
        valid_from=SINCE,
        source=(
            "k_перегр 1,4: послеаварийная перегрузка двухтрансформаторных подстанций, практика "
            "по ГОСТ 14209 и ПТЭ; с 2019 года требования Минэнерго к перегрузочной способности "
            "трансформаторов связывают её с температурой и длительностью — сверить с СТО компании."
        ),
    ),
    RuleSpec(
        key="coincidence_factor",
        default=Decimal("0.9"),
        type=Decimal,
        unit=RuleUnit.FACTOR,
        label=_("coincidence factor"),
        above=0,
        maximum=1,
        valid_from=SINCE,
        source=(
            "Коэффициент совмещения 0,9: условное значение в духе приказа Минэнерго России от "
            "06.05.2014 № 250 (коэффициенты совмещения максимума потребления по числу и виду "
            "потребителей)."
        ),
    ),
    RuleSpec(
        key="cos_phi",
        default=Decimal("0.9"),
        type=Decimal,
        unit=RuleUnit.FACTOR,
        label=_("power factor (cos φ)"),
        above=0,
        maximum=1,
        valid_from=SINCE,
        source="cos φ 0,9: типичное значение для расчётов при планировании.",
    ),
    RuleSpec(
        key="threshold_mva",
        default=Decimal("0"),
        type=Decimal,
        unit=RuleUnit.MVA,
        label=_("threshold for «open for connection»"),
        minimum=0,
        valid_from=SINCE,
        source=(
            "Порог 0 МВА: центр питания открыт, пока его резерв положителен (отраслевая методика)."
        ),
    ),
]
SMALL_APPLICANT_KW = "small_applicant_kw"
SPECS.append(
    RuleSpec(
        key=SMALL_APPLICANT_KW,
        default=15,
        unit=RuleUnit.KW,
        label=_("largest power of a small applicant, for whom 0.4 kV substations are shown"),
        minimum=1,
        valid_from=SINCE,
        source=(
            "Постановление Правительства РФ от 27.12.2004 № 861 (Правила технологического "
            "присоединения), п. 14: заявители до 15 кВт включительно."
        ),
    )
)
CONTROL_WINDOW_MONTHS = "control_window_months"
LV_CONNECTION_KW = "lv_connection_kw"
MV_SEARCH_KM = "mv_search_km"
HV_SEARCH_KM = "hv_search_km"
SPECS += [
    RuleSpec(
        key=CONTROL_WINDOW_MONTHS,
        default=12,
        unit=RuleUnit.COUNT,
        label=_("months of control measurements of which the larger load is used"),
        minimum=1,
        maximum=36,
        valid_from=SINCE,
        source=(
            "Постановление Правительства РФ от 21.01.2004 № 24 (стандарты раскрытия "
            "информации), п. 19: результаты контрольных замеров дважды в год — зимний и летний "
            "режимные дни; резерв считается по большему из замеров за 12 месяцев."
        ),
    ),
    RuleSpec(
        key=LV_CONNECTION_KW,
        default=150,
        unit=RuleUnit.KW,
        label=_("largest power connected at 0.4 kV through the nearest ТП"),
        minimum=1,
        valid_from=SINCE,
        source=(
            "Постановление Правительства РФ от 27.12.2004 № 861 (Правила технологического "
            "присоединения), п. 12(1): заявители до 150 кВт, 0,4 кВ."
        ),
    ),
    RuleSpec(
        key=MV_SEARCH_KM,
        default=10,
        unit=RuleUnit.COUNT,
        label=_("distance to a power centre considered for 6–20 kV, km"),
        minimum=1,
        maximum=200,
        valid_from=SINCE,
        source="Практика планирования сетей 6–20 кВ: до 10 км.",
    ),
    RuleSpec(
        key=HV_SEARCH_KM,
        default=30,
        unit=RuleUnit.COUNT,
        label=_("distance to a power centre considered for 35 kV and above, km"),
        minimum=1,
        maximum=500,
        valid_from=SINCE,
        source="Практика планирования сетей 35–110 кВ: до 30 км.",
    ),
]
core_rules.register(NAMESPACE, SPECS)


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the last day of a shorter month)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def control_day(totals: dict[date, Decimal], *, window_months: int) -> date | None:
    """Of the control measurement days, the one with the largest total load.

    Only days within `window_months` before the latest measurement count: a centre
    measured 4.976 MVA in winter and 3.992 MVA in summer is assessed at 4.976 MVA.
    On equal totals the later day is taken.
    """
    if not totals:
        return None
    latest = max(totals)
    start = months_before(latest, window_months)
    days = [d for d in totals if d > start]
    return max(days, key=lambda d: (totals[d], d))


def loads_on_control_day(
    rows: list[tuple[str, date, Decimal]], *, window_months: int
) -> tuple[date | None, dict[str, Decimal], list[tuple[date, Decimal]]]:
    """From (transformer, day, load) rows: the day used, its loads and every day's total."""
    totals: dict[date, Decimal] = {}
    for _name, day, load in rows:
        totals[day] = totals.get(day, ZERO) + load
    chosen = control_day(totals, window_months=window_months)
    loads = {name: load for name, day, load in rows if day == chosen}
    start = months_before(max(totals), window_months) if totals else None
    considered = sorted((d, q(t)) for d, t in totals.items() if start and d > start)
    return chosen, loads, considered


def factors_from(values: dict) -> Factors:
    """The factors of a calculation from the capacity rules in force (a `rule_values` dict)."""
    return Factors(
        overload=values["overload_factor"],
        coincidence=values["coincidence_factor"],
        cos_phi=values["cos_phi"],
        threshold_mva=values["threshold_mva"],
    )


@dataclass(frozen=True)
class TransformerLoad:
    name: str
    rated_mva: Decimal
    load_mva: Decimal | None = None
    measured_on: date | None = None
    voltage: str = ""


@dataclass(frozen=True)
class LevelFigures:
    """The N-1 figures of the transformers of one transformation voltage (e.g. 110/10)."""

    voltage: str
    transformer_count: int
    permissible_mva: Decimal
    load_mva: Decimal
    reserve_mva: Decimal  # before committed capacity, which is not split by level


@dataclass(frozen=True)
class Commitment:
    site: str
    kw: Decimal


@dataclass(frozen=True)
class Step:
    label: str
    formula: str
    value: Decimal
    unit: str = "MVA"


@dataclass
class Assessment:
    transformer_count: int
    rated_total_mva: Decimal
    largest_mva: Decimal
    permissible_mva: Decimal
    load_mva: Decimal
    measured_on: date | None
    committed_kw_raw: Decimal
    committed_kw_sites: Decimal
    committed_mva: Decimal
    site_count: int
    application_count: int
    reserve_mva: Decimal
    reserve_mw: Decimal
    status: str
    constraint: str
    factors: Factors
    transformers: list[TransformerLoad] = field(default_factory=list)
    # Every control measurement day of the window with its total load: the larger one is used.
    control_days: list[tuple[date, Decimal]] = field(default_factory=list)

    @property
    def duplicate_kw(self) -> Decimal:
        return self.committed_kw_raw - self.committed_kw_sites


def q(value: Decimal) -> Decimal:
    return value.quantize(MVA)


def committed_per_site(commitments: list[Commitment]) -> dict[str, Decimal]:
    """Several applications for one site count once, at the largest requested power."""
    per_site: dict[str, Decimal] = {}
    for c in commitments:
        key = c.site.strip().lower()
        per_site[key] = max(per_site.get(key, ZERO), c.kw)
    return per_site


def kw_to_mva(kw: Decimal, cos_phi: Decimal) -> Decimal:
    return kw / Decimal(1000) / cos_phi


def assess(
    *,
    transformers: list[TransformerLoad],
    commitments: list[Commitment],
    factors: Factors,
    control_days: list[tuple[date, Decimal]] | None = None,
) -> Assessment:
    """The N-1 free capacity of one power centre, with each step of the calculation.

    `transformers` carry the loads of the control day used (`loads_on_control_day`);
    `control_days` every day of the window with its total, to say which one was used.
    """
    rated = sorted((t.rated_mva for t in transformers), reverse=True)
    rated_total = sum(rated, ZERO)
    largest = rated[0] if rated else ZERO
    permissible = factors.overload * (rated_total - largest)

    measured = [t for t in transformers if t.load_mva is not None]
    latest = max((t.measured_on for t in measured if t.measured_on), default=None)
    used = [t for t in measured if latest is None or t.measured_on == latest]
    load = sum((t.load_mva for t in used), ZERO)

    per_site = committed_per_site(commitments)
    raw_kw = sum((c.kw for c in commitments), ZERO)
    site_kw = sum(per_site.values(), ZERO)
    committed = kw_to_mva(site_kw * factors.coincidence, factors.cos_phi)

    reserve = permissible - load - committed
    reserve_q = q(reserve)
    if len(rated) < 2:
        constraint = Constraint.NO_RESERVE_TRANSFORMER
    elif not measured:
        constraint = Constraint.NO_DATA
    elif load > permissible:
        constraint = Constraint.OVERLOADED
    elif permissible - load > factors.threshold_mva and reserve <= factors.threshold_mva:
        constraint = Constraint.COMMITTED
    else:
        constraint = Constraint.N1_LIMIT
    is_open = (
        constraint in (Constraint.N1_LIMIT, Constraint.COMMITTED)
        and reserve > factors.threshold_mva
    )
    status = CapacityStatus.OPEN if is_open else CapacityStatus.CLOSED

    return Assessment(
        transformer_count=len(rated),
        rated_total_mva=q(rated_total),
        largest_mva=q(largest),
        permissible_mva=q(permissible),
        load_mva=q(load),
        measured_on=latest,
        committed_kw_raw=q(raw_kw),
        committed_kw_sites=q(site_kw),
        committed_mva=q(committed),
        site_count=len(per_site),
        application_count=len(commitments),
        reserve_mva=reserve_q,
        reserve_mw=q(reserve * factors.cos_phi),
        status=status,
        constraint=constraint,
        factors=factors,
        transformers=list(transformers),
        control_days=list(control_days or []),
    )


def can_connect(*, reserve_mva: Decimal, status: str, requested_kw: Decimal, factors: Factors):
    """Whether a request of `requested_kw` fits in the reserve; returns (yes, reserve left in MVA).

    One applicant's kW become kVA through cos φ (kW / cos φ); the coincidence factor belongs
    to the sum of many commitments, not to a single new load."""
    need = kw_to_mva(requested_kw, factors.cos_phi)
    left = q(reserve_mva - need)
    return status == CapacityStatus.OPEN and left >= ZERO, left


def substation_headroom_kw(*, rated_kva: int, load_kva: Decimal | None, cos_phi: Decimal):
    """Indicative free power of a 6–10/0.4 kV substation for small applicants, in kW."""
    if load_kva is None:
        return None
    return q((Decimal(rated_kva) - load_kva) * cos_phi)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def third_wednesday(year: int, month: int) -> date:
    """The control measurement day of a month (режимный день)."""
    first = date(year, month, 1)
    offset = (2 - first.weekday()) % 7
    return date(year, month, 1 + offset + 14)


def quarter_start(day: date) -> date:
    """The first day of the quarter on which a publication «по состоянию на» falls."""
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
