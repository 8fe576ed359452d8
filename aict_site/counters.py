"""Atomic counters that page entries can never push out and workers can never race.

`increment(key, seconds)` adds one and returns the new count, in one statement: an
`INSERT … ON CONFLICT DO UPDATE … RETURNING` on the database (SQLite ≥ 3.35 and PostgreSQL),
or Redis's INCR when the shared cache is Redis (several servers, no extra table writes).
A count lives until its expiry; an expired key starts again from one.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from .models import Counter

REDIS_BACKEND = "django.core.cache.backends.redis.RedisCache"


def uses_redis():
    return settings.CACHES["default"]["BACKEND"] == REDIS_BACKEND


def increment(key, seconds):
    """Count one more under `key`, kept `seconds` from its first count; the new count."""
    if uses_redis():
        return _increment_in_redis(key, seconds)
    return _increment_in_database(key, seconds)


# Standard SQL that SQLite (3.35+) and PostgreSQL both run; an expired count starts again.
UPSERT = """
INSERT INTO "aict_site_counter" ("key", "count", "expires_at") VALUES (%s, 1, %s)
ON CONFLICT ("key") DO UPDATE SET
  "count" = CASE WHEN "aict_site_counter"."expires_at" <= %s THEN 1
                 ELSE "aict_site_counter"."count" + 1 END,
  "expires_at" = CASE WHEN "aict_site_counter"."expires_at" <= %s THEN excluded."expires_at"
                      ELSE "aict_site_counter"."expires_at" END
RETURNING "count"
"""


def _increment_in_database(key, seconds):
    now = int(time.time())
    with connection.cursor() as cursor:
        cursor.execute(UPSERT, [key, now + seconds, now, now])
        return cursor.fetchone()[0]


def _increment_in_redis(key, seconds):
    cache_key = f"counter:{key}"
    # add() is SET NX: only the first caller of a window sets its expiry.
    cache.add(cache_key, 0, timeout=seconds)
    try:
        return cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=seconds)
        return 1


def purge_expired():
    """Delete the database's expired counts; the number deleted."""
    deleted, _by_model = Counter.objects.filter(expires_at__lte=int(time.time())).delete()
    return deleted
