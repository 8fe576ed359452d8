"""A fixed-window limit per client, counted in the atomic counter store that every worker
and server shares (aict_site.counters)."""

import hashlib
import time

from . import counters


def hit(scope, key, limit, window_seconds=3600):
    """Count one hit; False once `limit` hits were counted in the current window."""
    window = int(time.time() // window_seconds)
    # Hashed: the key may be an email address, which has no business in a counter's name.
    digest = hashlib.sha256(str(key).encode()).hexdigest()[:32]
    remaining = window_seconds - int(time.time()) % window_seconds
    count = counters.increment(f"rate:{scope}:{digest}:{window}", remaining + 60)
    return count <= limit
