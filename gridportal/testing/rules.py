"""Dated rules as an administrator enters them, for tests (imports only core)."""

from gridportal.core.models import Rule


def rule_set(namespace: str, key: str, value, *, valid_from=None, source: str = "test") -> Rule:
    """A dated rule as an administrator enters it (today by default); saved, so reads see it."""
    from django.utils import timezone

    from gridportal.core import rules

    declared = rules.spec(namespace, key)
    rule, _created = Rule.objects.update_or_create(
        namespace=namespace,
        key=key,
        valid_from=valid_from or timezone.localdate(),
        defaults={"value": rules.format_value(value), "unit": declared.unit, "source": source},
    )
    return rule
