"""What a worker keeps in its own memory: one mechanism, an LRU of entries stamped with the
content version they were made under and the time they expire (aict_site.caching.clock).

An entry is served only under its version: an edit anywhere makes every worker's entries stale
at once, since each request reads the version from the shared cache. No I/O and no pickling
to reuse an entry, so values are shared between requests: what `remembered` keeps is copied
for each reader unless its maker says it is never changed.
"""

import pickle
import threading
import time
from collections import OrderedDict

from django.conf import settings

from . import keys
from .clock import enabled, lifetime
from .version import NOT_KEPT, current_version

MISSING = object()


class WorkerMemory:
    def __init__(self, size):
        self.size = size
        self.entries = OrderedDict()
        # Threaded servers (runserver, the test server) share a worker's memory.
        self.lock = threading.Lock()

    def get(self, key, version=None):
        if not enabled():
            return MISSING
        version = current_version() if version is None else version
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return MISSING
            made_under, expires_at, value = entry
            if made_under != version or time.time() >= expires_at:
                del self.entries[key]
                return MISSING
            self.entries.move_to_end(key)
            return value

    def put(self, key, value, seconds, *, version=None, made_at=None):
        version = current_version() if version is None else version
        if not enabled() or version == NOT_KEPT:
            return
        expires_at = (time.time() if made_at is None else made_at) + seconds
        with self.lock:
            self.entries[key] = (version, expires_at, value)
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()


class _Lazy:
    """Sized from the settings when first used (tests may change them before)."""

    def __init__(self, setting):
        self.setting = setting
        self.memory = None

    def __getattr__(self, name):
        if self.memory is None:
            self.memory = WorkerMemory(getattr(settings, self.setting))
        return getattr(self.memory, name)


# Fragments, cards and remembered values: room for all of them at ten times today's content.
pieces = _Lazy("WORKER_MEMORY_ENTRIES")
# Pages as read from the shared page cache: a hit then reads only the version.
recent_pages = _Lazy("PAGE_CACHE_RECENT_PAGES")


def remembered(compute, *args, clock=False, shared=False):
    """`compute(*args)`, kept per content version, arguments and language (and at most a clock
    period, for what also depends on the clock): a lookup many pages repeat costs a dictionary
    read instead of a query. Each caller gets a copy of its own, unless `shared`: then no
    reader may change the value (tuples, strings, what a module keeps read-only)."""
    key = keys.derive("remembered", keys.name_of(compute), *args)
    value = pieces.get(key)
    if value is MISSING:
        value = compute(*args)
        pieces.put(key, value if shared else pickle.dumps(value), lifetime(clock))
        return value
    return value if shared else pickle.loads(value)  # noqa: S301 - pickled by this process


def clear():
    """Forget everything this worker keeps (tests start empty)."""
    for memory in (pieces, recent_pages):
        memory.clear()
