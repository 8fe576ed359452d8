"""How long what is kept may be served: the one place where the clock enters the caches.

Everything kept is also stamped with the content version it was made under, and an edit makes
a new version: lifetimes only bound what depends on the time of day (a call that opens, an
event that passes, a page scheduled for later), or how much memory an old key may hold.
"""

from django.conf import settings

# What depends on content alone is renewed by the version; this only frees memory.
HOUR = 3600


def lifetime(clock):
    """Seconds a piece may be served: a clock period for what says it depends on the clock."""
    return settings.FRAGMENT_CLOCK_SECONDS if clock else HOUR


def page_lifetime():
    """Seconds a rendered page may be served (it may show anything that depends on the clock)."""
    return settings.PAGE_CACHE_SECONDS


def enabled():
    """False turns every cache off at once (CACHING=0): each page is then rendered from the
    database on every request, which the transparency test compares with the cached site."""
    return settings.CACHING
