"""A fixed-window counter in the shared cache, so every worker and server sees the same count."""

import time

from django.core.cache import cache


def hit(scope, key, limit, window_seconds=3600):
    """Count one hit; False once `limit` hits were counted in the current window."""
    window = int(time.time() // window_seconds)
    cache_key = f"ratelimit:{scope}:{key}:{window}"
    cache.add(cache_key, 0, timeout=window_seconds + 60)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window_seconds + 60)
        count = 1
    return count <= limit
