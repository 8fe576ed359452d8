"""A shared cache of the rendered public pages, emptied whenever staff change content.

Anonymous GET requests are answered from the cache before sessions, authentication, CSRF
and the view run: that is where a page's cost goes. Pages have a shared cache of their own
(`pages`: file-based by default, Redis via CACHE_URL), bounded, so every worker and every
server sees the same entries, and filling it pushes out only pages. The entry's key holds the
scheme and the host, validated against ALLOWED_HOSTS before anything is answered.

Freshness: every save or delete of content bumps one version number in the shared cache;
an entry made under an older version is never served, so an edit shows on the very next
request, whichever worker answers. Pages that depend on the clock (an open call, days left,
upcoming events) are kept at most PAGE_CACHE_SECONDS.

Never cached: requests carrying a session cookie (staff, anyone logged in), responses that
set a cookie or used a CSRF token (every page with a form), anything but a 200 GET.
"""

import hashlib
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import set_response_etag

from .project_apps import content_models

VERSION_KEY = "pagecache:version"


def new_version():
    # A timestamp rather than a counter: monotonic enough, and no lost update between workers.
    cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def bump(**kwargs):
    """A new content version: every cached page becomes stale.

    Now, and again after commit, so that no request that read the old rows while the
    transaction was open can store them under the version it saw."""
    new_version()
    transaction.on_commit(new_version)


def connect():
    """Every save, delete or many-to-many change of any content model bumps the version:
    a new app's models are covered without being named (aict_site.project_apps)."""
    for model in content_models():
        uid = f"pagecache.{model._meta.label}"
        post_save.connect(bump, sender=model, dispatch_uid=f"{uid}.save")
        post_delete.connect(bump, sender=model, dispatch_uid=f"{uid}.delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                bump, sender=field.remote_field.through, dispatch_uid=f"{uid}.{field.name}"
            )


def current_version(request=None):
    """The content version a request works under, read once from the shared cache.

    Shared fragments are kept under it, as pages are: read at the start of the request, so
    that nothing rendered from rows older than an edit is ever stored under a newer version.
    """
    version = getattr(request, "content_version", None)
    if version is None:
        version = cache.get(VERSION_KEY) or start_version()
        if request is not None:
            request.content_version = version
    return version


def start_version():
    """A version where the shared cache has none (first start, flushed, culled): a new one,
    never 0, or fragments kept in a worker's memory under an old 0 would come back."""
    cache.add(VERSION_KEY, time.time_ns(), timeout=None)
    return cache.get(VERSION_KEY)


_MISSING = object()


def remembered(name, compute, *, request=None, seconds=3600):
    """`compute()`, kept in this worker's memory until content changes (or `seconds` pass,
    for what also depends on the clock, such as scheduled pages): a lookup many pages repeat
    costs a dictionary read instead of a query."""
    key = f"remembered:{name}:{current_version(request)}"
    value = caches["fragments"].get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        caches["fragments"].set(key, value, seconds)
    return value


def key_for(request):
    # get_host() refuses a host that ALLOWED_HOSTS does not name (400), cached page or not.
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    # Hashed: a key of fixed length, whatever the address, for every cache backend.
    return "pagecache:page:" + hashlib.sha256(url.encode()).hexdigest()


def cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.path.startswith("/" + settings.ADMIN_URL)
        and len(request.get_full_path()) <= 500
    )


def cacheable_response(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in response.get("Cache-Control", "")
        and "no-cache" not in response.get("Cache-Control", "")
    )


def is_admin_change(request, response):
    return (
        request.method == "POST"
        and request.path.startswith("/" + settings.ADMIN_URL)
        and response.status_code < 400
    )


class RecentPages:
    """The pages this worker served last, kept in its memory as they were read from the shared
    cache: a hit then reads only the content version from the shared cache, not the page
    (a file to read and decompress, with the file-based cache). Served under the same rules:
    only while the shared version is the one they were made under, and never after
    PAGE_CACHE_SECONDS from when they were made."""

    def __init__(self, size):
        self.size = size
        self.entries = OrderedDict()

    def get(self, key, version):
        entry = self.entries.get(key)
        if entry is None:
            return None
        if (
            entry["version"] != version
            or time.time() >= entry["made_at"] + settings.PAGE_CACHE_SECONDS
        ):
            del self.entries[key]
            return None
        self.entries.move_to_end(key)
        return entry

    def put(self, key, entry):
        self.entries[key] = entry
        self.entries.move_to_end(key)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.recent = RecentPages(settings.PAGE_CACHE_RECENT_PAGES)

    def __call__(self, request):
        if not cacheable_request(request):
            response = self.get_response(request)
            if is_admin_change(request, response):
                # Admin actions may update rows in bulk, without signals: start afresh.
                new_version()
            return response
        key = key_for(request)
        version = request.content_version = cache.get(VERSION_KEY) or start_version()
        entry = self.recent.get(key, version)
        if entry is None:
            entry = caches["pages"].get(key)
            if entry and entry["version"] == version and "made_at" in entry:
                self.recent.put(key, entry)
        if entry and entry["version"] == version:
            response = HttpResponse(entry["content"], status=200)
            for header, value in entry["headers"]:
                response.headers[header] = value
            response.headers["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if cacheable_response(request, response):
            # Hashed once here, not on every hit (ConditionalGetMiddleware keeps an ETag set).
            set_response_etag(response)
            caches["pages"].set(
                key,
                {
                    "version": version,
                    "made_at": time.time(),
                    "content": response.content,
                    "headers": list(response.headers.items()),
                },
                timeout=settings.PAGE_CACHE_SECONDS,
            )
            response.headers["X-Page-Cache"] = "miss"
        return response
