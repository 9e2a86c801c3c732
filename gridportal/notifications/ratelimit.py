"""A fixed-window counter in the cache (Redis in production, shared by all web nodes)."""

from django.core.cache import cache


def rate_allow(*, key: str, limit: int, window: int) -> bool:
    """Count one hit; True while the window's count stays within the limit."""
    cache_key = f"notifications:rate:{key}"
    cache.add(cache_key, 0, window)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, window)
        count = 1
    return count <= limit
