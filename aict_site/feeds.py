"""The site's Atom feeds: what staff typed, cleaned of the characters XML refuses, so that a
title pasted with a vertical tab (Word's manual line break) never breaks a feed."""

from django.utils.feedgenerator import Atom1Feed

from .controls import multi_line, single_line

MULTI_LINE = {"description", "content", "subtitle"}


def _clean(values):
    return {
        name: (multi_line if name in MULTI_LINE else single_line)(str(value))
        if isinstance(value, str)
        else value
        for name, value in values.items()
    }


class CleanAtom1Feed(Atom1Feed):
    def __init__(self, *args, **kwargs):
        names = ("title", "link", "description")
        super().__init__(**_clean({**dict(zip(names, args, strict=False)), **kwargs}))

    def add_item(self, *args, **kwargs):
        names = ("title", "link", "description")
        super().add_item(**_clean({**dict(zip(names, args, strict=False)), **kwargs}))
