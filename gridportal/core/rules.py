"""Regulation as data: one registry of dated, sourced rules for every app.

Each app declares its rules once, in its own `rules.py`, with `register(namespace, [...])`:
the key, what it means, its type, unit, range, the shipped default and where that default
comes from. Administrators add dated `core.Rule` rows in Django admin; the value in force
on a date is the row with the latest `valid_from` not after that date, and the declared
default when there is none (see docs/decisions/0004-dated-rules.md).

Reads are hot and the table is tiny, so every row is kept in Django's cache (Redis in
production, shared by all processes) under a generation key. Saving or deleting a rule,
and every `migrate`, moves the generation on, so an edit in admin is read by every process
within a second, without a restart.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import RuleUnit

GENERATION_KEY = "core:rules:generation"
ROWS_KEY = "core:rules:rows:{generation}"
ROWS_TIMEOUT = 600  # seconds; the generation makes it correct, this only bounds memory


@dataclass(frozen=True)
class RuleSpec:
    """The declaration of one rule: what it means and what holds when no row says otherwise."""

    key: str
    default: Any
    unit: str
    label: Any  # a lazy translation
    source: str
    valid_from: dt.date
    type: type = int
    verified: bool = False
    minimum: Decimal | int | None = None  # inclusive
    above: Decimal | int | None = None  # exclusive lower bound
    maximum: Decimal | int | None = None  # inclusive

    def parse(self, text: str) -> Any:
        """The typed value of a stored text; ValueError if it is not one."""
        try:
            number = Decimal(str(text).strip())
        except InvalidOperation as error:
            raise ValueError(text) from error
        if not number.is_finite():
            raise ValueError(text)
        if self.type is int:
            # A legacy fractional value is returned as it is rather than silently truncated.
            return int(number) if number == number.to_integral_value() else number
        return number

    def clean(self, text: str) -> Any:
        """Validate a value typed by an administrator: type and range, with a localized message."""
        try:
            value = self.parse(text)
        except ValueError:
            raise ValidationError(_("Enter a number."), code="invalid") from None
        if self.type is int and not isinstance(value, int):
            raise ValidationError(_("Enter a whole number."), code="invalid")
        if self.minimum is not None and value < self.minimum:
            raise ValidationError(
                _("Enter a value of at least {limit}.").format(limit=self.minimum), code="min"
            )
        if self.above is not None and value <= self.above:
            raise ValidationError(
                _("Enter a value greater than {limit}.").format(limit=self.above), code="above"
            )
        if self.maximum is not None and value > self.maximum:
            raise ValidationError(
                _("Enter a value of at most {limit}.").format(limit=self.maximum), code="max"
            )
        return value

    @property
    def default_text(self) -> str:
        return format_value(self.default)

    @property
    def unit_label(self) -> str:
        return RuleUnit(self.unit).label if self.unit else ""


@dataclass(frozen=True)
class RuleRow:
    """One dated value of a rule, typed, for a page that shows the history."""

    valid_from: dt.date
    value: Any
    source: str
    verified: bool


@dataclass(frozen=True)
class RuleInForce:
    """A rule as it stands on a date: for pages that show the value with its source."""

    spec: RuleSpec
    value: Any
    valid_from: dt.date
    source: str
    verified: bool
    history: list = field(default_factory=list)

    @property
    def label(self):
        return self.spec.label

    @property
    def unit_label(self):
        return self.spec.unit_label


_REGISTRY: dict[str, dict[str, RuleSpec]] = {}


def register(namespace: str, specs: Iterable[RuleSpec]) -> None:
    """Declare an app's rules; called once, at import of the app's rules module."""
    declared = {spec.key: spec for spec in specs}
    for spec in declared.values():
        spec.clean(spec.default_text)  # a default outside its own range is a programming error
    _REGISTRY[namespace] = declared


def namespaces() -> list[str]:
    return sorted(_REGISTRY)


def specs(namespace: str) -> dict[str, RuleSpec]:
    try:
        return _REGISTRY[namespace]
    except KeyError:
        raise LookupError(f"No rules are declared for {namespace!r}.") from None


def spec(namespace: str, key: str) -> RuleSpec:
    try:
        return specs(namespace)[key]
    except KeyError:
        raise LookupError(f"No rule {key!r} is declared for {namespace!r}.") from None


def format_value(value: Any) -> str:
    """The text a value is stored as: plain digits, no exponent, no trailing zeros."""
    if isinstance(value, bool):
        raise TypeError("Rules hold numbers.")
    if isinstance(value, int):
        return str(value)
    number = Decimal(str(value)).normalize()
    return format(number, "f")


# --- pure: which value is in force ---------------------------------------------


def row_in_force(rows: Iterable[tuple], on: dt.date):
    """Pure: of (valid_from, …) tuples, the one with the latest valid_from not after `on`."""
    chosen = None
    for row in rows:
        if row[0] <= on and (chosen is None or row[0] > chosen[0]):
            chosen = row
    return chosen


def values_in_force(
    declared: dict[str, RuleSpec], rows: Iterable[tuple[str, str, dt.date]], on: dt.date
) -> dict[str, Any]:
    """Pure: the typed value of every declared key on a date from (key, value, valid_from) rows."""
    by_key: dict[str, list[tuple[dt.date, str]]] = {}
    for key, value, valid_from in rows:
        by_key.setdefault(key, []).append((valid_from, value))
    values = {}
    for key, declaration in declared.items():
        row = row_in_force(by_key.get(key, ()), on)
        values[key] = declaration.default if row is None else declaration.parse(row[1])
    return values


# --- reads through the cache ---------------------------------------------------------


def rules_cache_bump(**kwargs) -> None:
    """Move the generation on: every process reads the table afresh (a signal receiver)."""
    global _seen
    generation = uuid.uuid4().hex
    cache.set(GENERATION_KEY, generation, None)
    _seen = (generation, time.monotonic())


def rules_changed(**kwargs) -> None:
    """After a save or delete: invalidate now and again when the transaction commits.

    The second bump stops another process from caching the rows it read before the
    commit under the new generation.
    """
    from django.db import transaction

    rules_cache_bump()
    transaction.on_commit(rules_cache_bump)


# The generation this process read last and when: asked again within GENERATION_RECHECK
# seconds, it is not read again (a storm asks for the hotline's rules on every report).
# An edit is seen at once by the process that made it, by the others within that second.
GENERATION_RECHECK = 1.0
_seen: tuple[str, float] | None = None


def _generation() -> str:
    global _seen
    if _seen is not None and time.monotonic() - _seen[1] < GENERATION_RECHECK:
        return _seen[0]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    _seen = (generation, time.monotonic())
    return generation


def _all_rows(generation: str | None = None) -> list[tuple[str, str, str, dt.date, int]]:
    from .models import Rule

    key = ROWS_KEY.format(generation=generation or _generation())
    rows = cache.get(key)
    if rows is None:
        rows = list(Rule.objects.values_list("namespace", "key", "value", "valid_from", "pk"))
        cache.set(key, rows, ROWS_TIMEOUT)
    return rows


# What each process worked out from one generation of the table: (generation, namespace,
# date) → values. A hot read (every outage report) then costs one cache round trip, for
# the generation, instead of two and a parse of every row.
_computed: dict[tuple[str, str, dt.date], dict[str, Any]] = {}
COMPUTED_MAX = 256


def rule_values(namespace: str, *, on: dt.date | None = None) -> dict[str, Any]:
    """Every declared rule of a namespace in force today (or on a date), typed."""
    on = on or timezone.localdate()
    memo = (_generation(), namespace, on)
    values = _computed.get(memo)
    if values is None:
        declared = specs(namespace)
        rows = [(k, v, d) for ns, k, v, d, _pk in _all_rows(memo[0]) if ns == namespace]
        values = values_in_force(declared, rows, on)
        if len(_computed) >= COMPUTED_MAX:
            _computed.clear()
        _computed[memo] = values
    return dict(values)


def rule_value(namespace: str, key: str, *, on: dt.date | None = None) -> Any:
    """One declared rule in force today (or on a date), typed."""
    spec(namespace, key)
    return rule_values(namespace, on=on)[key]


def rules_in_force(namespace: str, *, on: dt.date | None = None) -> list[RuleInForce]:
    """The rules of a namespace with the row each value comes from and the dated history."""
    from .models import Rule

    on = on or timezone.localdate()
    rows = Rule.objects.filter(namespace=namespace).order_by("key", "-valid_from")
    by_key: dict[str, list] = {}
    for row in rows:
        by_key.setdefault(row.key, []).append(row)
    result = []
    for key, declaration in specs(namespace).items():
        history = [
            RuleRow(r.valid_from, declaration.parse(r.value), r.source, r.verified)
            for r in by_key.get(key, [])
        ]
        current = next((r for r in history if r.valid_from <= on), None)
        if current is None:
            result.append(
                RuleInForce(
                    spec=declaration,
                    value=declaration.default,
                    valid_from=declaration.valid_from,
                    source=declaration.source,
                    verified=declaration.verified,
                    history=history,
                )
            )
        else:
            result.append(
                RuleInForce(
                    spec=declaration,
                    value=current.value,
                    valid_from=current.valid_from,
                    source=current.source,
                    verified=current.verified,
                    history=history,
                )
            )
    return result


# --- showing a value ----------------------------------------------------------------


def format_quantity(value: Any, unit: str) -> str:
    """A value with its unit in words, for pages: «4 часа», «1 час», «5 часов», «0,9»."""
    from django.utils.formats import number_format
    from django.utils.translation import gettext, ngettext

    number = number_format(value)
    # ngettext needs a whole count; a fraction takes the form of 2 (0,5 часа, 2.5 hours).
    count = int(value) if Decimal(str(value)) == int(value) else 2
    if unit == RuleUnit.HOURS:
        return ngettext("{n} hour", "{n} hours", count).format(n=number)
    if unit == RuleUnit.MINUTES:
        return ngettext("{n} minute", "{n} minutes", count).format(n=number)
    if unit == RuleUnit.SECONDS:
        return ngettext("{n} second", "{n} seconds", count).format(n=number)
    if unit == RuleUnit.DAYS:
        return ngettext("{n} day", "{n} days", count).format(n=number)
    if unit == RuleUnit.PER_HOUR:
        return gettext("{n} per hour").format(n=number)
    if unit == RuleUnit.MVA:
        return gettext("{n} MVA").format(n=number)
    if unit == RuleUnit.KW:
        return gettext("{n} kW").format(n=number)
    return number


def rule_display(namespace: str, key: str, *, on: dt.date | None = None) -> str:
    """The value in force with its unit in words («4 часа»): for templates and form labels."""
    return format_quantity(rule_value(namespace, key, on=on), spec(namespace, key).unit)


def row_in_force_pk(namespace: str, key: str, *, on: dt.date | None = None) -> int | None:
    """The id of the row in force (None: the declared default); for the admin list."""
    on = on or timezone.localdate()
    rows = [(d, pk) for ns, k, _v, d, pk in _all_rows() if ns == namespace and k == key]
    row = row_in_force(rows, on)
    return None if row is None else row[1]
