"""What a visitor sees first: on a phone, the title and the four entry points without
scrolling, a header of at most 120 px and a menu that opens without any script; on a desktop,
a main menu on one line."""

import re

import pytest

from tests.quality.gates import split_items

pytestmark = pytest.mark.browser

FOOTER_ITEMS = ".site-footer li, .site-footer p, .site-footer address"


def test_on_a_phone_the_first_screen_says_what_the_site_is_for_and_where_to_go(browser, live_site):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(live_site + "/")
    assert page.locator("header.site-header").bounding_box()["height"] <= 120
    title = page.locator("h1").bounding_box()
    assert title["y"] + title["height"] <= 740
    entries = page.locator(".entry-points a")
    assert entries.count() == 4
    for index in range(4):
        box = entries.nth(index).bounding_box()
        assert box["y"] + box["height"] <= 740, entries.nth(index).inner_text()
    page.goto(live_site + "/financements/ficol/")
    assert page.locator("header.site-header").bounding_box()["height"] <= 120
    context.close()


def test_the_menu_opens_from_one_button_without_javascript(browser, live_site):
    context = browser.new_context(viewport={"width": 375, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site + "/")
    assert not page.locator("#menu").is_visible()
    page.get_by_role("link", name="Menu").click()
    assert page.locator("#menu").is_visible()
    page.locator("#menu summary", has_text="Financer").click()
    page.locator("#menu").get_by_role("link", name="Calendrier des clôtures").click()
    assert page.url.endswith("/financements/calendrier/")
    context.close()


@pytest.mark.parametrize("width", [1024, 1280])
def test_on_a_desktop_the_main_menu_is_one_line(browser, live_site, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for path in ("/", "/financements/", "/collectivites-engagees/"):
        page.goto(live_site + path)
        tops = page.eval_on_selector_all(
            ".nav-sections > li",
            "items => items.map(li => Math.round(li.getBoundingClientRect().top))",
        )
        assert len(tops) == 5 and len(set(tops)) == 1, (path, tops)
        search = page.locator("#menu .site-search").bounding_box()
        assert abs(search["y"] - tops[0]) < 40, path  # the search form on the same line
        assert search["x"] + search["width"] <= width, path  # its button not cut off
        lines = page.eval_on_selector_all(
            ".nav-sections .nav-link",
            """links => links.map(link => {
                const style = getComputedStyle(link);
                const text = link.getBoundingClientRect().height
                    - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
                return Math.round(text / parseFloat(style.lineHeight));
            })""",
        )
        assert set(lines) == {1}, (path, lines)  # no label on two lines
    context.close()


def test_at_1280_px_the_person_to_call_stands_beside_a_text_of_readable_measure(browser, live_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for path in ("/nouvelles-modalites-de-cooperation/", "/financements/ficol/"):
        page.goto(live_site + path)
        text = page.locator(".with-aside > article").bounding_box()
        card = page.locator(".side-column .contact-card").bounding_box()
        assert card["x"] >= text["x"] + text["width"], path  # beside, not below
        assert card["y"] < 400, path  # in the first screen, not after the text
        # A readable measure: at most 75 characters of the body's text per line.
        characters = page.evaluate(
            """() => {
                const p = document.querySelector('.with-aside > article p:not(.lead)');
                const probe = document.createElement('span');
                probe.textContent = 'abcdefghijklmnopqrstuvwxyz'.repeat(4);
                probe.style.position = 'absolute';
                probe.style.whiteSpace = 'nowrap';
                p.appendChild(probe);
                const perCharacter = probe.getBoundingClientRect().width / 104;
                probe.remove();
                return p.getBoundingClientRect().width / perCharacter;
            }"""
        )
        assert 60 <= characters <= 75, (path, characters)
    page.goto(live_site + "/nouvelles-modalites-de-cooperation/")
    assert page.locator(".on-this-page").is_visible()
    page.set_viewport_size({"width": 375, "height": 740})
    text = page.locator(".with-aside > article").bounding_box()
    card = page.locator(".side-column .contact-card").bounding_box()
    assert card["y"] >= text["y"] + text["height"]  # below the text on a phone
    context.close()


def test_scheme_event_and_brief_pages_print_on_one_or_two_a4_sheets_without_the_menu(
    browser, live_site
):
    from tests.events.builders import make_event

    event = make_event("Atelier des financements européens")
    context = browser.new_context()
    # « Ma collectivité »: a commune's brief and its intercommunalité's (live_site loads them).
    for path in ("/financements/ficol/", "/financements/appels-thematiques-dctciv/",
                 event.get_absolute_url(), "/ma-collectivite/59212/",
                 "/ma-collectivite/245900758/"):  # fmt: skip
        page = context.new_page()
        page.goto(live_site + path)
        pdf = page.pdf(format="A4")  # with the print stylesheet
        sheets = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert 1 <= sheets <= 2, (path, sheets)
        page.emulate_media(media="print")
        for hidden in ("#menu", ".menu-button", ".breadcrumbs", ".skip-link", ".site-search"):
            assert not page.locator(hidden).first.is_visible(), (path, hidden)
        assert page.locator("h1").is_visible() and page.locator(".contact-card").is_visible()
        page.close()
    context.close()


def test_no_footer_item_is_split_across_two_columns(browser, live_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for width in (1280, 1024, 768):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_site + "/")
        split = split_items(page, FOOTER_ITEMS)
        assert split == [], (width, split)
    context.close()


def test_on_a_phone_the_home_page_fits_in_five_screens_with_whom_to_call_in_the_first_two(
    browser, live_site
):
    context = browser.new_context(viewport={"width": 375, "height": 667})
    page = context.new_page()
    page.goto(live_site + "/")
    assert page.evaluate("document.documentElement.scrollHeight") <= 3700
    person = page.locator("#accompagner .contact-card .person").first.bounding_box()
    assert person["y"] + person["height"] <= 2 * 667
    # Every block of the desktop page is there: the folded lists open with one tap.
    folds = page.locator("details.phone-fold")
    assert folds.count() == 5  # news, resources, reasons, kinds of action, partners
    page.locator("details.phone-fold summary", has_text="Nos partenaires").click()
    assert page.get_by_role("link", name="Tous nos partenaires").is_visible()
    context.close()
    # On a desktop, or without JavaScript, nothing is folded.
    desktop = {"viewport": {"width": 1280, "height": 900}}
    without_script = {"viewport": {"width": 375, "height": 667}, "java_script_enabled": False}
    for options in (desktop, without_script):
        context = browser.new_context(**options)
        page = context.new_page()
        page.goto(live_site + "/")
        opened = page.eval_on_selector_all("details.phone-fold", "all => all.map(d => d.open)")
        assert opened == [True] * 5, options
        context.close()
