"""A shared cache of the rendered public pages, renewed whenever content changes.

Anonymous GET requests are answered from the cache before sessions, authentication, CSRF and
the view run: that is where a page's cost goes. Pages have a shared cache of their own
(`pages`: file-based by default, Redis via CACHE_URL), bounded, so every worker and every
server sees the same entries, and filling it pushes out only pages. The entry's key holds the
scheme, the host (validated against ALLOWED_HOSTS before anything is answered) and the full
path with its query string; each worker also keeps the pages it served last in its memory.

An entry made under an older content version is never served, and none is served after
PAGE_CACHE_SECONDS (pages may show what depends on the clock).

Never cached: requests carrying a session cookie (staff, anyone logged in), responses that set
a cookie or used a CSRF token, anything but a 200 GET.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import set_response_etag

from .clock import enabled, page_lifetime
from .memory import MISSING, recent_pages
from .version import current_version, request_version


def key_for(request):
    # get_host() refuses a host that ALLOWED_HOSTS does not name (400), cached page or not.
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    # Hashed: a key of fixed length, whatever the address, for every cache backend.
    return "pagecache:page:" + hashlib.sha256(url.encode()).hexdigest()


def cacheable_request(request):
    return (
        enabled()
        and page_lifetime() > 0
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


class PageCacheMiddleware:
    """Also pins the content version for every request, cached or not (fragments are kept
    under it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_version():
            if not cacheable_request(request):
                return self.get_response(request)
            return self.cached(request)

    def cached(self, request):
        key = key_for(request)
        version = current_version()
        entry = recent_pages.get(key, version)
        if entry is MISSING:
            entry = caches["pages"].get(key)
            if not entry or entry["version"] != version:
                return self.store(request, key, version)
            # Kept no longer than the shared cache keeps it (PAGE_CACHE_SECONDS from when made).
            recent_pages.put(key, entry, page_lifetime(), version=version, made_at=entry["made_at"])
        response = HttpResponse(entry["content"], status=200)
        for header, value in entry["headers"]:
            response.headers[header] = value
        response.headers["X-Page-Cache"] = "hit"
        return response

    def store(self, request, key, version):
        response = self.get_response(request)
        if cacheable_response(request, response) and current_version() == version:
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
                timeout=page_lifetime(),
            )
            response.headers["X-Page-Cache"] = "miss"
        return response
