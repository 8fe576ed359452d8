"""Requests that no page of the site can answer, refused with a 4xx before a view, a form or
the database sees them: odd methods, NUL characters, bodies in another charset than UTF-8.

PostgreSQL refuses NUL characters in text, so a NUL in an address or a query string would
otherwise reach a query and fail there (a 500); a form body in another charset cannot be
decoded, and Django's own error path would then fail again while looking for a CSRF token.
"""

import codecs
import logging

from django.http import HttpResponseNotAllowed

from .errors import bad_request

logger = logging.getLogger(__name__)

ALLOWED_METHODS = ("GET", "HEAD", "POST")


def is_utf8(charset):
    if not charset:
        return True
    try:
        return codecs.lookup(charset).name == "utf-8"
    except LookupError:
        return False


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ALLOWED_METHODS:
            return HttpResponseNotAllowed(ALLOWED_METHODS)
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path_info or "%00" in query or "\x00" in query:
            return self.refuse(request, "NUL character in the address")
        if request.method == "POST" and not is_utf8(request.content_params.get("charset")):
            return self.refuse(request, "request body not in UTF-8")
        return self.get_response(request)

    @staticmethod
    def refuse(request, reason):
        # One line, no traceback: these come by the thousand from scanners.
        logger.info("400 %s: %s", request.path_info.replace("\x00", "\\x00")[:200], reason)
        return bad_request(request)
