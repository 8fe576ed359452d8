"""The stylesheet's colour tokens meet WCAG AA contrast for every pair of text and background
the site uses: a token changed by hand cannot make a text unreadable."""

import re
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "site.css"
# (text, background, minimum): 4.5:1 for text, 3:1 for focus rings and borders of controls.
PAIRS = [
    ("ink", "paper", 4.5), ("ink", "tint", 4.5), ("muted", "paper", 4.5), ("muted", "tint", 4.5),
    ("brand", "paper", 4.5), ("brand", "tint", 4.5), ("brand-dark", "tint", 4.5),
    ("brand-dark", "accent", 4.5), ("white", "brand", 4.5), ("white", "brand-dark", 4.5),
    ("focus", "paper", 3), ("focus", "tint", 3), ("brand", "paper", 3),
]  # fmt: skip


def tokens():
    root = re.search(r":root\s*{(.*?)}", CSS.read_text(encoding="utf-8"), re.S).group(1)
    found = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", root, re.I))
    return {**found, "white": "#ffffff"}


def luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(("text", "background", "minimum"), PAIRS)
def test_each_text_colour_is_readable_on_its_background(text, background, minimum):
    colours = tokens()
    ratio = contrast(colours[text], colours[background])
    assert ratio >= minimum, f"--{text} on --{background}: {ratio:.2f}:1, {minimum}:1 needed"


def test_the_contrast_check_fails_on_a_pale_green():
    assert contrast("#a8d5ba", "#ffffff") < 4.5  # the accent is for borders and hovers only
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
