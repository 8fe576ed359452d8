"""« Ma collectivité » in a real browser: the search field suggests names as one types (the
enhancement), and the plain form still leads to the brief."""

import pytest

pytestmark = pytest.mark.browser


def test_the_search_field_suggests_names_and_the_form_leads_to_the_brief(browser, live_site):
    page = browser.new_page()
    page.goto(live_site + "/ma-collectivite/")
    page.fill("#brief-q", "estai")
    # The site's CSP forbids evaluating strings: wait for the option element itself.
    page.wait_for_selector("#brief-suggestions option", state="attached", timeout=5000)
    options = page.eval_on_selector_all(
        "#brief-suggestions option", "nodes => nodes.map(n => [n.value, n.label])"
    )
    assert ["Estaires", "commune, Nord"] in options
    page.press("#brief-q", "Enter")
    page.click("text=Estaires")
    assert page.locator("h1").inner_text() == "Estaires"
    assert page.url.endswith("/ma-collectivite/59212/")
    page.close()
