"""Numbers with legal force come from the dated rules, never from a template.

{% load rules %}
{% rule "outages" "callback_hours" %}                →  4 часа
{% rule "outages" "callback_hours" as hours %}       →  for a blocktranslate
{% rule_value "outages" "callback_hours" as n %}     →  4 (for count=…)
"""

from django import template

from gridportal.core import rules

register = template.Library()


@register.simple_tag
def rule(namespace, key):
    return rules.rule_display(namespace, key)


@register.simple_tag
def rule_value(namespace, key):
    return rules.rule_value(namespace, key)
