"""Control characters in staff text: what a feed, a calendar or a file may hold of them.

Text pasted from a word processor brings characters no page shows: a vertical tab (Word's
manual line break), a form feed, a NUL, and bidirectional overrides that can disguise a name.
XML (feeds) refuses most of them, iCalendar refuses line breaks in a one-line value.
"""

import re

# Breaks a word processor writes: a line break where the text may hold one.
_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]|\r\n?")
# Other C0 controls, DEL, the C1 range, and the bidirectional overrides and isolates.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")


def multi_line(text):
    """`text` with its breaks as « \\n » and no other control character (tabs kept)."""
    return _CONTROLS.sub("", _BREAKS.sub("\n", text))


def single_line(text):
    """`text` on one line: its breaks and tabs as spaces, no control character."""
    return " ".join(multi_line(text).replace("\t", " ").split("\n")).strip()
