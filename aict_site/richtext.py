"""Rich text written by staff: what the editor may produce and what survives sanitising.

The same allowlist is applied when the text is saved and again when it is shown, so a
record written by any other path (shell, import, an old revision) is still safe.
"""

import re
from html import unescape

import nh3
from django.utils.text import slugify
from django_prose_editor.fields import ProseEditorField

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "ul", "ol", "li",
    "a", "strong", "b", "em", "i", "blockquote",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": sorted(URL_SCHEMES)},
}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags={"script", "style"},
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel=None,
)
# Every tag dropped, its text kept: plain text for search, excerpts and descriptions. nh3
# does this in one pass, where Django's striptags parses the text again and again.
_text_only = nh3.Cleaner(
    tags=set(), clean_content_tags={"script", "style"}, attributes={}, link_rel=None
)
# Blocks and line breaks end a word: "<li>un</li><li>deux</li>" is "un deux", not "undeux".
_BLOCK_EDGE = re.compile(r"<(?=/?(?:p|h[1-6]|li|ul|ol|blockquote|div|br|td|th|tr)\b)", re.I)
_EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>")
# Sanitised HTML carries no attribute on headings, so the plain tag is all there is to find.
_SECTION_HEADING = re.compile(r"<h2>(.*?)</h2>", re.S)


def sanitize_html(html):
    return _EMPTY_PARAGRAPH.sub("", _cleaner.clean(html or "")).strip()


def with_sections(html):
    """Sanitised HTML whose second-level headings carry an id, and those headings as
    (id, text) pairs: what a « Sur cette page » list links to."""
    sections, used = [], set()

    def anchor(match):
        text = plain_text(match.group(1))
        base = "section-" + (slugify(text)[:60].rstrip("-") or str(len(sections) + 1))
        ident, number = base, 2
        while ident in used:
            ident, number = f"{base}-{number}", number + 1
        used.add(ident)
        sections.append((ident, text))
        return f'<h2 id="{ident}">{match.group(1)}</h2>'

    return _SECTION_HEADING.sub(anchor, sanitize_html(html)), sections


def plain_text(html):
    """Text without markup, for meta descriptions, search and excerpts."""
    return " ".join(unescape(_text_only.clean(_BLOCK_EDGE.sub(" <", html or ""))).split())


class RichTextField(ProseEditorField):
    """A text field edited with a WYSIWYG editor and sanitised on save."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EDITOR_EXTENSIONS)
        kwargs.setdefault("sanitize", sanitize_html)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value
