"""The quality gates every public page must pass: axe-core, the Nu Html Checker, keyboard focus,
320 px reflow, page weight. Each returns what it found, so tests can also prove it can fail."""

import json
import re
import subprocess
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlparse

BASE_DIR = Path(__file__).resolve().parents[2]
AXE_JS = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def axe_violations(page):
    """axe-core's WCAG A/AA violations, as 'rule: target' strings."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the devtools protocol, so the page's CSP does not block it.
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    # resultTypes: axe builds full results for violations only, which is all that is read.
    options = "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}"
    results = page.evaluate(f"tags => axe.run(document, {options})", WCAG_TAGS)
    return [
        f"{violation['id']}: {', '.join(str(node['target']) for node in violation['nodes'])}"
        for violation in results["violations"]
    ]


# What the page loaded, from the browser's own resource timing: read from the page, it cannot
# mix with the previous page's requests. Images do not count in the weight.
LOADED_JS = """() => [...performance.getEntriesByType('navigation'),
                     ...performance.getEntriesByType('resource')].map(entry => ({
  url: entry.name, bytes: ['img', 'css'].includes(entry.initiatorType) ? 0 : entry.decodedBodySize
}))"""
MAX_WEIGHT = 100 * 1024
MAX_REQUESTS = 15


def loading_problems(page, host):
    """Requests to another host than the site's, and a first visit too heavy or too chatty
    (the page must have been loaded with an empty cache)."""
    loaded = page.evaluate(LOADED_JS)
    found = [
        f"third-party request: {item['url']}"
        for item in loaded
        if urlparse(item["url"]).hostname not in (host, None)
    ]
    if (weight := sum(item["bytes"] for item in loaded)) > MAX_WEIGHT:
        found.append(f"first visit weighs {weight} bytes, images excluded")
    if len(loaded) > MAX_REQUESTS:
        found.append(f"first visit makes {len(loaded)} requests")
    return found


def horizontal_overflow(page):
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


FOCUSABLE_JS = """() => Array.from(document.querySelectorAll(
  'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), ' +
  'select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])'
)).filter(el => {
  // Inside a closed disclosure, only its summary can take the focus.
  const closed = el.closest('details:not([open])');
  if (closed && el !== closed.querySelector('summary')) return false;
  // A group of radio buttons is one stop: its checked button, or its first.
  if (el.type === 'radio' && el.name) {
    const group = Array.from(el.form ? el.form.elements : []).filter(
      other => other.type === 'radio' && other.name === el.name);
    if (el !== (group.find(other => other.checked) || group[0])) return false;
  }
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && style.display !== 'none' && el.getClientRects().length > 0
    || el.classList.contains('skip-link');
}).map(el => el.outerHTML.slice(0, 120))"""

ACTIVE_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  return {html: el.outerHTML.slice(0, 120), visible: outline || shadow};
}"""


def keyboard_problems(page, max_steps=400):
    """Tab through a freshly loaded page: every focusable element in DOM order, each with a
    visible focus indicator. Each focus is recorded in the page as it happens, and read once
    at the end (a round trip per Tab press costs more than the press)."""
    expected = page.evaluate(FOCUSABLE_JS)
    page.evaluate(
        f"() => {{ window.focusLog = []; const active = {ACTIVE_JS};"
        " document.addEventListener('focusin', () => window.focusLog.push(active())); }"
    )
    for _step in range(min(len(expected), max_steps)):
        page.keyboard.press("Tab")
    log = [active for active in page.evaluate("() => window.focusLog") if active]
    reached = [active["html"] for active in log]
    problems = [f"no visible focus on {active['html']}" for active in log if not active["visible"]]
    if reached != expected[: len(reached)] or len(reached) != len(expected):
        problems.append(f"tab order differs: reached {len(reached)} of {len(expected)} elements")
    return problems


def skip_link_problems(page):
    # A reload puts the sequential focus starting point back at the top of the document.
    page.reload()
    page.keyboard.press("Tab")
    first = page.evaluate("() => document.activeElement.getAttribute('href')")
    if first != "#main":
        return [f"the first Tab reaches {first!r}, not the skip link"]
    page.keyboard.press("Enter")
    if page.evaluate("() => document.activeElement.id") != "main":
        return ["the skip link does not move focus to the main content"]
    return []


def outline_problems(page):
    """One h1, headings without skipped levels, a title and a meta description."""
    data = page.evaluate(
        """() => ({
          levels: Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6'))
            .map(h => +h.tagName[1]),
          title: document.title,
          description: (document.querySelector('meta[name=description]') || {}).content || ''
        })"""
    )
    problems = []
    levels = data["levels"]
    if levels.count(1) != 1 or (levels and levels[0] != 1):
        problems.append(f"h1 count or position wrong: {levels}")
    for previous, level in pairwise(levels):
        if level > previous + 1:
            problems.append(f"heading level skipped: h{previous} then h{level}")
    if not data["title"].strip():
        problems.append("empty <title>")
    if len(data["description"]) < 50:
        problems.append("meta description missing or too short")
    return problems, data["title"]


def vnu_errors(documents, workdir):
    """Validate {name: html} with the Nu Html Checker in one JVM run; {name: [errors]}."""
    paths = {}
    for index, (name, html) in enumerate(documents.items()):
        path = Path(workdir) / f"page-{index}.html"
        path.write_text(html, encoding="utf-8")
        paths[str(path)] = name
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *paths],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # 0: no error; 1: errors, listed. Anything else (no JVM, a crash) is no verdict at all.
    if result.returncode not in (0, 1):
        raise RuntimeError(f"vnu.jar exited {result.returncode}: {result.stderr[-1000:]}")
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    if result.returncode == 1 and not messages:
        raise RuntimeError(f"vnu.jar reported errors it did not list: {result.stderr[-1000:]}")
    errors = {name: [] for name in documents}
    for message in messages:
        url = message.get("url", "")
        name = paths.get(re.sub(r"^file:", "", url), url)
        errors.setdefault(name, []).append(f"line {message.get('lastLine')}: {message['message']}")
    return {name: found for name, found in errors.items() if found}


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=\"", re.I)


def inline_code(html):
    """Inline scripts and styles, which the public site's CSP forbids."""
    return INLINE_SCRIPT.findall(html) + INLINE_STYLE.findall(html)


def split_items(page, selector):
    """The items matching `selector` that a column break cuts in two: such an item has boxes
    in more than one column."""
    return page.eval_on_selector_all(
        selector,
        """items => items.filter(item => new Set(
            Array.from(item.getClientRects()).map(box => Math.round(box.left))).size > 1
        ).map(item => item.textContent.trim())""",
    )
