"""Each gate reports a page with a deliberate fault: they are not gates that always pass."""

import pytest

from tests.quality.gates import (
    axe_violations,
    horizontal_overflow,
    inline_code,
    keyboard_problems,
    loading_problems,
    split_items,
    vnu_errors,
)

pytestmark = pytest.mark.browser

FAULTY = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Page fautive</title>
<style>a:focus, a:focus-visible { outline: none; }</style></head>
<body><main>
<h1>Page fautive</h1>
<form><input type="text" name="nom"></form>
<p id="double">un</p><p id="double">deux</p>
<a href="/ailleurs/">un lien sans focus visible</a>
<div style="width: 900px">trop large</div>
<script>document.title = "modifiée";</script>
</main></body></html>"""


def test_axe_reports_an_input_without_label(browser):
    page = browser.new_page()
    page.set_content(FAULTY)
    assert any(v.startswith("label:") for v in axe_violations(page))
    page.close()


def test_the_html_checker_reports_a_duplicate_id(tmp_path):
    errors = vnu_errors({"fautive": FAULTY}, tmp_path)
    assert any("Duplicate ID" in error for error in errors["fautive"])


def test_the_inline_code_check_reports_inline_script_and_style():
    found = inline_code(FAULTY)
    assert any(tag.startswith("<script") for tag in found)
    assert any("style" in tag for tag in found)


def test_keyboard_and_reflow_checks_report_their_faults(browser):
    page = browser.new_page(viewport={"width": 320, "height": 800})
    page.set_content(FAULTY)
    assert any("no visible focus" in problem for problem in keyboard_problems(page))
    assert horizontal_overflow(page) > 0
    page.close()


def test_the_site_policy_blocks_an_inline_script_in_the_browser(browser, live_site, client):
    """Served with the site's real CSP header, the faulty page's inline script is refused."""
    policy = client.get("/").headers["Content-Security-Policy"]
    page = browser.new_page()
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.route(
        live_site + "/fautive/",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html; charset=utf-8",
            headers={"Content-Security-Policy": policy},
            body=FAULTY,
        ),
    )
    page.goto(live_site + "/fautive/")
    assert page.title() == "Page fautive", "the inline script ran despite the policy"
    assert any("Content Security Policy" in message for message in messages)
    page.close()


def test_the_loading_check_reports_a_heavy_page_and_a_third_party_request(browser):
    heavy = FAULTY.replace(
        "</main>",
        f'<p>{"lourd " * 25_000}</p><img src="https://cdn.example.net/pixel.png" alt=""></main>',
    )
    page = browser.new_page()
    page.route("https://cdn.example.net/pixel.png", lambda route: route.fulfill(body=b""))
    page.route("http://127.0.0.1:9/lourde/", lambda route: route.fulfill(
        content_type="text/html; charset=utf-8", body=heavy))  # fmt: skip
    page.goto("http://127.0.0.1:9/lourde/")
    found = loading_problems(page, "127.0.0.1")
    page.close()
    assert "third-party request: https://cdn.example.net/pixel.png" in found
    assert any(problem.startswith("first visit weighs") for problem in found)


def test_the_column_check_reports_an_item_cut_by_a_column_break(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.set_content(
        '<ul style="columns: 3; width: 600px"><li>Un</li>'
        "<li>Direction régionale de la jeunesse, des sports et de la cohésion sociale</li></ul>"
    )
    assert split_items(page, "li") == [
        "Direction régionale de la jeunesse, des sports et de la cohésion sociale"
    ]
    page.close()
