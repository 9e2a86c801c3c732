"""The learning pages' dated rules: limits that keep a class's results honest.

Neither number has legal force; they are company settings, declared here so an
administrator can change them in admin without a release (core/rules.py).
"""

from __future__ import annotations

import datetime as dt

from gridportal.core import rules as core_rules
from gridportal.core.choices import RuleUnit
from gridportal.core.rules import RuleSpec

from .choices import RuleKey

NAMESPACE = "learn"
SOURCE = "Gridportal default; set by the company's public relations service"
SINCE = dt.date(2026, 1, 1)

SPECS = [
    RuleSpec(
        key=RuleKey.CLASS_RESULTS_PER_HOUR.value,
        default=300,
        unit=RuleUnit.PER_HOUR,
        label=RuleKey.CLASS_RESULTS_PER_HOUR.label,
        source=SOURCE,
        valid_from=SINCE,
        minimum=1,
    ),
    RuleSpec(
        key=RuleKey.CLASSES_PER_TEACHER.value,
        default=50,
        unit=RuleUnit.COUNT,
        label=RuleKey.CLASSES_PER_TEACHER.label,
        source=SOURCE,
        valid_from=SINCE,
        minimum=1,
    ),
]
core_rules.register(NAMESPACE, SPECS)


def rule(key: RuleKey) -> int:
    return core_rules.rule_value(NAMESPACE, key.value)
