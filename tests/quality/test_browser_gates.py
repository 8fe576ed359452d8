"""Every public page, in headless Chromium at 1280 and 320 px: axe-core WCAG A/AA, keyboard,
reflow, outline, no third-party request, no CSP violation, and a small first-visit weight."""

from urllib.parse import urlparse

import pytest
from django.urls import Resolver404, resolve

from tests.quality.conftest import (
    alert_pages,
    news_and_resources,
    public_paths,
    registration_confirmation,
)
from tests.quality.gates import (
    axe_violations,
    horizontal_overflow,
    keyboard_problems,
    loading_problems,
    outline_problems,
    skip_link_problems,
)

pytestmark = pytest.mark.browser


def open_tab(browser, width):
    """One tab for a whole walk (a new tab per page costs twice the time); `visit` empties its
    cache before each page."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.devtools = context.new_cdp_session(page)
    console = []
    page.on("console", lambda message: console.append(message.text))
    return context, page, console


def visit(page, console, url):
    """Open `url` in the walk's tab, as on a first visit."""
    console.clear()
    page.devtools.send("Network.clearBrowserCache")
    return page.goto(url, wait_until="load")


def page_problems(page, status, console, width, host, keyboard=True):
    found = []
    if status not in (200, 400, 404):
        found.append(f"status {status}")
    found += axe_violations(page)
    if width == 320 and (overflow := horizontal_overflow(page)) > 0:
        found.append(f"horizontal scrolling at 320 px: {overflow} px too wide")
    outline, title = outline_problems(page)
    found += outline
    if keyboard:
        found += keyboard_problems(page)
    found += [m for m in console if "Content Security Policy" in m]
    found += loading_problems(page, host)
    return found, title


def route_of(path):
    try:
        return resolve(urlparse(path).path).route
    except Resolver404:
        return path


@pytest.mark.parametrize("width", [1280, 320])
def test_every_public_page_passes_the_browser_gates(browser, live_site, width):
    host = urlparse(live_site).hostname
    problems = {}
    titles = {}
    walked = set()
    _event, confirmation = registration_confirmation()
    news_and_resources()
    # At 320 px, a page of a kind already checked is only checked for reflow: what depends on
    # a page's content (alternatives, headings, names, weight, requests) is checked on every
    # page at 1280 px, and what depends on the width or only on the template (skip link,
    # keyboard) once per kind of page (per URL pattern).
    context, page, console = open_tab(browser, width)
    paths = [*public_paths(live_site), confirmation, confirmation + "annuler/", *alert_pages()]
    for path in paths:
        route = route_of(path)
        first_of_its_kind = route not in walked
        walked.add(route)
        response = visit(page, console, live_site + path)
        if width == 320 and not first_of_its_kind:
            found = [] if response.status in (200, 400, 404) else [f"status {response.status}"]
            if (overflow := horizontal_overflow(page)) > 0:
                found.append(f"horizontal scrolling at 320 px: {overflow} px too wide")
        else:
            # Tabbing through every link is the slowest gate: once per kind of page.
            found, title = page_problems(
                page, response.status, console, width, host, keyboard=first_of_its_kind
            )
            if response.status == 200:
                titles.setdefault(title, []).append(path)
            # Last: it reloads the page. The link is the base template's: once per kind.
            if first_of_its_kind:
                found += skip_link_problems(page)
        if found:
            problems[path] = found
    context.close()
    duplicates = {title: paths for title, paths in titles.items() if len(paths) > 1}
    assert not problems, problems
    assert not duplicates, f"pages sharing a <title>: {duplicates}"


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize(("form", "errors"), [("contact", 4), ("registration", 3), ("alerts", 2)])
def test_a_public_form_with_its_errors_passes_the_browser_gates(
    browser, live_site, width, form, errors
):
    """The contact form, an event's registration form and the alerts' form, sent with a
    wrong address."""
    path = "/alertes/" if form == "alerts" else "/contact/"
    if form == "registration":
        event, _confirmation = registration_confirmation()
        path = event.get_absolute_url()
    context, page, console = open_tab(browser, width)
    try:
        visit(page, console, live_site + path)
        page.fill("#id_email", "pas-une-adresse")
        with page.expect_navigation():
            page.click(".contact-form button[type=submit]")
        assert page.locator(".errorlist").count() >= errors
        found, _title = page_problems(page, 200, console, width, urlparse(live_site).hostname)
    finally:
        context.close()
    assert not found, found
