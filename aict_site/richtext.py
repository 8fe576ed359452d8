"""Rich text written by staff: what the editor may produce and what survives sanitising.

The same allowlist is applied when the text is saved and again when it is shown, so a
record written by any other path (shell, import, an old revision) is still safe.
"""

import re
from html import unescape

import nh3
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


def sanitize_html(html):
    return _EMPTY_PARAGRAPH.sub("", _cleaner.clean(html or "")).strip()


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
