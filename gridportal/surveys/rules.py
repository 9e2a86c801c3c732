"""The dated rules of questionnaires (namespace "surveys"): invitations, limits, follow-ups."""

from datetime import date

from django.utils.translation import gettext_lazy as _

from gridportal.core import rules as core_rules
from gridportal.core.choices import RuleUnit
from gridportal.core.rules import RuleSpec

NAMESPACE = "surveys"
SINCE = date(2026, 1, 1)
COMPANY_POLICY = "Company policy (Gridportal default)"

SPECS = [
    RuleSpec(
        key="invitation_cap_days",
        default=90,
        unit=RuleUnit.DAYS,
        label=_("at most one invitation per person in"),
        minimum=0,
        valid_from=SINCE,
        source=COMPANY_POLICY,
    ),
    RuleSpec(
        key="invitation_valid_days",
        default=30,
        unit=RuleUnit.DAYS,
        label=_("an invitation link works for"),
        minimum=1,
        valid_from=SINCE,
        source=COMPANY_POLICY,
    ),
    RuleSpec(
        key="answers_per_ip_per_hour",
        default=600,
        unit=RuleUnit.PER_HOUR,
        label=_("answers from one address per hour (kiosks included)"),
        minimum=0,
        valid_from=SINCE,
        source=COMPANY_POLICY,
    ),
    RuleSpec(
        key="followup_csat_max",
        default=2,
        unit=RuleUnit.COUNT,
        label=_("a satisfaction rating up to this opens a follow-up"),
        minimum=1,
        maximum=5,
        valid_from=SINCE,
        source=COMPANY_POLICY,
    ),
    RuleSpec(
        key="followup_nps_max",
        default=6,
        unit=RuleUnit.COUNT,
        label=_("a recommendation score up to this opens a follow-up"),
        minimum=0,
        maximum=10,
        valid_from=SINCE,
        source=COMPANY_POLICY,
    ),
]

core_rules.register(NAMESPACE, SPECS)
