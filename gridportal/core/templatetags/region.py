"""The region scope line of a public list: «Показано: Вологодская область · Все регионы».

{% load region %}
{% region_scope %}                       the line (nothing to pick when no region is chosen)
{% region_query as q %}                  "region=vologda" / "region=all" for file and feed links
"""

from django import template

from gridportal.core import region

register = template.Library()


@register.inclusion_tag("core/_region_scope.html", takes_context=True)
def region_scope(context):
    request = context.get("request")
    if request is None:
        return {}
    return region.region_scope_context(request)


@register.simple_tag(takes_context=True)
def region_query(context):
    request = context.get("request")
    return region.region_query(request) if request is not None else ""
