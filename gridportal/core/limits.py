"""The one rate limiter: django-ratelimit's fixed-window counters in the shared cache.

Windows are whole hours (or whatever period a caller names), counted in the cache that
every web node shares (Redis in production). The sizes come from dated rules, so an
administrator can change a limit without a release; 0 switches a limit off.
"""

from __future__ import annotations

from django_ratelimit.core import get_usage

HOUR = 3600


def limit_hit(*, group: str, value: str, limit: int, period: int = HOUR) -> bool:
    """Count one attempt of `value` in `group`; True when this window's count passes `limit`."""
    if limit <= 0 or not value:
        return False
    usage = get_usage(
        None,
        group=group,
        key=lambda _group, _request: value,
        rate=(int(limit), int(period)),
        increment=True,
    )
    return bool(usage and usage["should_limit"])
