"""Periods as people write them: one date when start and end share a day.

{% load periods %}
{{ work.starts_at|period:work.ends_at }}   →  «7 декабря 10:00–12:00»
                                               «7 декабря 22:00 – 8 декабря 04:00»
Times are shown in the active time zone ({% timezone tz %} around the block).
"""

from django import template
from django.utils import timezone
from django.utils.formats import date_format

register = template.Library()


def period_text(start, end) -> str:
    if start is None:
        return ""
    start = timezone.localtime(start) if timezone.is_aware(start) else start
    day = date_format(start, "j E")
    if end is None:
        return f"{day} {start:%H:%M}"
    end = timezone.localtime(end) if timezone.is_aware(end) else end
    if start.date() == end.date():
        return f"{day} {start:%H:%M}–{end:%H:%M}"
    return f"{day} {start:%H:%M} – {date_format(end, 'j E')} {end:%H:%M}"


@register.filter
def period(start, end):
    return period_text(start, end)
