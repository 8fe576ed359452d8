"""French spacing at output: a non-breaking space before « : », a narrow one before « ; ! ? »,
and non-breaking spaces inside « », whoever wrote the text — a template, the catalogue, staff
in the admin, or the data.

Applied once to each HTML page and feed as it leaves the view (inside the page cache, so a
cached page is made once): to the text between tags and to the attributes people read (title,
alt, placeholder, aria-label, a meta tag's content), never to scripts, styles, code, or what a
visitor typed into a form field (`value`, `<textarea>`), which is given back as typed.
"""

import bisect
import html
import re

from django.conf import settings

NBSP = "\u00a0"
NNBSP = "\u202f"

# The signs, found in C; the spaces around each are then looked at in Python (a page has a few
# hundred signs, against thousands of tags and indentation runs a regex over spaces would try).
_SIGNS = re.compile("[;!?:»«]")
_SPACES = " \t\r\n"
# Elements left whole: code, styles, and what a visitor typed into a form.
_UNTOUCHED = re.compile(
    r"<(script|style|pre|code|textarea)\b.*?</\1\s*>|<!--.*?-->", re.S | re.IGNORECASE
)
# Inside a tag: the attribute whose value is open where the candidate stands.
_OPEN_ATTRIBUTE = re.compile(r'\s([\w:-]+)="[^"]*\Z')
READ_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "content"}


def _in_untouched(untouched, position):
    index = bisect.bisect_right(untouched, (position, float("inf"))) - 1
    return index >= 0 and untouched[index][0] <= position < untouched[index][1]


def _read_by_people(markup, position, untouched):
    if _in_untouched(untouched, position):
        return False
    tag_start = markup.rfind("<", 0, position)
    if tag_start <= markup.rfind(">", 0, position):
        return True  # between tags: text
    attribute = _OPEN_ATTRIBUTE.search(markup, tag_start, position)
    return attribute is not None and attribute[1].lower() in READ_ATTRIBUTES


def french_markup(markup):
    """French spacing in an HTML or XML document's text and readable attributes."""
    untouched = [match.span() for match in _UNTOUCHED.finditer(markup)]
    out, copied = [], 0
    for match in _SIGNS.finditer(markup):
        sign, at = match[0], match.start()
        if sign == "«":
            end = at + 1
            while end < len(markup) and markup[end] in _SPACES:
                end += 1
            start, spaced = at, "«" + NBSP
        else:
            # A narrow no-break space before « ; ! ? » (replacing a wider one too), a no-break
            # space before « : ».
            start, end = at, at + 1
            spaces = _SPACES + NBSP if sign in ";!?" else _SPACES
            while start > copied and markup[start - 1] in spaces:
                start -= 1
            spaced = (NNBSP if sign in ";!?" else NBSP) + sign
        if end - start < 2 or not _read_by_people(markup, at, untouched):
            continue
        out += (markup[copied:start], spaced)
        copied = end
    out.append(markup[copied:])
    return "".join(out)


def french_text(text):
    """French spacing in plain text the site writes (its emails): the same rules as its pages,
    applied to the text escaped as markup (a « < » typed in a name stays a character)."""
    return html.unescape(french_markup(html.escape(text, quote=False)))


TYPES = ("text/html", "application/atom+xml", "application/rss+xml")


class FrenchTypographyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.streaming
            or response.status_code == 304
            or not response.get("Content-Type", "").startswith(TYPES)
            or request.path.startswith("/" + settings.ADMIN_URL)
        ):
            return response
        charset = response.charset or "utf-8"
        response.content = french_markup(response.content.decode(charset)).encode(charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
