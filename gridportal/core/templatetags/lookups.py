"""{{ mapping|dict_get:key }}: a value of a dict whose keys are not template identifiers."""

from django import template

register = template.Library()


@register.filter
def dict_get(mapping, key):
    if not mapping:
        return None
    return mapping.get(key)
