"""A limit per client and window, counted in the atomic counter store that every worker and
server shares (aict_site.counters).

The window starts at the client's first hit, not on the clock's hour: a fixed hour would let a
client send twice the limit across its boundary, and reset every count at once.
"""

import hashlib

from . import counters


def hit(scope, key, limit, window_seconds=3600):
    """Count one hit; False once `limit` hits were counted in the current window."""
    # Hashed: the key may be an email address, which has no business in a counter's name.
    digest = hashlib.sha256(str(key).encode()).hexdigest()[:32]
    return counters.increment(f"rate:{scope}:{digest}", window_seconds) <= limit


def mailbox(address):
    """The mailbox an address reaches, for counting what the site sends to it: case and a
    « +tag » in the local part do not make another mailbox (« camille+1@x.fr » is camille's)."""
    local, _, domain = address.strip().lower().rpartition("@")
    return f"{local.split('+', 1)[0]}@{domain}" if local else address.strip().lower()
