"""The admin keeps working under the security headers: log in, edit rich text, upload, save."""

import pytest
from django.conf import settings
from django.urls import reverse

from directory.models import Authority
from pages.models import Page
from tests.images import image_bytes

pytestmark = pytest.mark.browser


PASSWORD = "un mot de passe solide 2026"


def logged_in_page(browser, live_site, django_user_model):
    """A Chromium tab logged in to the admin as a superuser; its console's CSP errors kept."""
    django_user_model.objects.create_superuser("chef", "chef@example.org", PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.csp_errors = []
    page.on(
        "console", lambda m: "Content Security Policy" in m.text and page.csp_errors.append(m.text)
    )
    admin = f"{live_site}/{settings.ADMIN_URL}"
    page.goto(admin + "login/")
    page.fill("#id_username", "chef")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(admin)
    return context, page, admin


def test_staff_edit_a_page_with_the_rich_text_editor_and_upload_an_image(
    browser, live_site, django_user_model, tmp_path
):
    photo = tmp_path / "reunion.jpg"
    photo.write_bytes(image_bytes((1200, 800), "JPEG", (200, 120, 40)))
    page_id = Page.objects.get(slug="lianes-cooperation").pk
    context, page, admin = logged_in_page(browser, live_site, django_user_model)

    page.goto(f"{admin}pages/page/{page_id}/change/")
    editor = page.locator(".ProseMirror[contenteditable=true]").first
    editor.wait_for(state="visible", timeout=15000)
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Texte réécrit dans l’éditeur. ")
    page.keyboard.press("Control+B")
    page.keyboard.type("En gras.")
    page.set_input_files("#id_image", str(photo))
    page.fill("#id_image_alt", "Réunion des membres du réseau")
    page.click("input[name=_save]")
    page.wait_for_url(f"{admin}pages/page/")
    assert page.locator(".messagelist .success").count() == 1
    context.close()

    saved = Page.objects.get(pk=page_id)
    assert saved.body == "<p>Texte réécrit dans l’éditeur. <strong>En gras.</strong></p>"
    assert saved.image.name.startswith("pages/reunion")
    assert saved.image_width == 1200
    assert page.csp_errors == []


def test_a_csv_file_with_unix_line_ends_imports_from_the_browser(
    browser, live_site, django_user_model, tmp_path
):
    """The preview's hidden field comes back from the browser with CRLF line ends."""
    csv_file = tmp_path / "collectivites.csv"
    csv_file.write_bytes(
        b"collectivite,type,site_web\nVille de Douai,Commune,https://www.ville-douai.fr\n"
        b"Ville de Lens,Commune,\n"
    )
    context, page, _admin = logged_in_page(browser, live_site, django_user_model)
    page.goto(live_site + reverse("admin:directory_authority_import"))
    page.set_input_files("#id_file", str(csv_file))
    page.click("input[value='Vérifier le fichier']")
    page.locator("text=Prêt à importer 2 collectivités").wait_for()
    page.click("input[name=confirm]")
    page.wait_for_url(live_site + reverse("admin:directory_authority_changelist"))
    assert "Import terminé : 2 collectivités" in page.locator(".messagelist").inner_text()
    context.close()
    assert Authority.objects.filter(name__in=["Ville de Douai", "Ville de Lens"]).count() == 2


def test_the_rich_text_editors_menu_speaks_french(browser, live_site, django_user_model):
    page_id = Page.objects.get(slug="lianes-cooperation").pk
    context, page, admin = logged_in_page(browser, live_site, django_user_model)
    page.goto(f"{admin}pages/page/{page_id}/change/")
    editor = page.locator(".ProseMirror[contenteditable=true]").first
    editor.wait_for(state="visible", timeout=15000)
    menu = page.locator(".prose-menubar").first
    titles = menu.evaluate(
        "m => Array.from(m.querySelectorAll('[title]')).map(b => b.title + '|' + b.ariaLabel)"
    )
    options = menu.evaluate(
        "m => Array.from(m.querySelectorAll('.prose-menubar__option > *')).map(o => o.textContent)"
    )
    assert "gras|gras" in titles and "liste à puces|liste à puces" in titles
    assert options == ["Titre de niveau 2", "Titre de niveau 3", "Titre de niveau 4", "Paragraphe"]
    english = {"bold", "italic", "paragraph", "unordered list", "ordered list", "blockquote"}
    assert not english & {title.split("|")[0] for title in titles}
    # The block type shown follows the cursor, still in French.
    editor.click()
    page.keyboard.press("Control+Home")
    menu.locator(".prose-menubar__selected").click()
    menu.locator(".prose-menubar__option", has_text="Titre de niveau 2").click()
    selected = menu.locator(".prose-menubar__selected button")
    assert selected.get_attribute("title") == "titre de niveau 2"
    context.close()


def drag(page, source, target):
    """A drag as a hand makes it: press, move in steps, release above the target."""
    start, end = source.bounding_box(), target.bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + 2, steps=12)
    page.mouse.up()


def test_staff_reorder_a_list_by_dragging_or_with_the_keyboard(
    browser, live_site, django_user_model
):
    from pages.models import Reason

    def order():
        return list(Reason.objects.order_by("position").values_list("position", "title"))

    context, page, admin = logged_in_page(browser, live_site, django_user_model)
    page.goto(f"{admin}pages/reason/")
    before = order()
    handles = page.locator("#result_list .drag.handle")
    handles.first.wait_for()
    with page.expect_response(lambda r: "adminsortable2_update" in r.url and r.ok):
        drag(page, handles.nth(3), handles.nth(0))
    shown = page.locator("#result_list tbody th a, #result_list tbody td.field-title a")
    # What staff see after the drop is what the site keeps.
    assert [title for _position, title in order()] == shown.all_inner_texts()
    assert order() != before
    assert [position for position, _title in order()] == list(range(1, len(order()) + 1))

    # Without a mouse: Tab to the first « Descendre », Enter, and Enter again: the focus stays
    # on the moved row's button, which reads its new place.
    page.goto(f"{admin}pages/reason/")
    tabs = 0
    while not page.evaluate("(document.activeElement.id || '').startsWith('move-')"):
        page.keyboard.press("Tab")
        tabs += 1
        assert tabs < 40, "the move buttons are too far from the top of the page"
    first = order()[0][1]
    count = len(order())
    page.keyboard.press("Tab")  # from « Monter » to « Descendre » of the first row
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert label == f"Descendre : {first}"
    for place in (2, 3):
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert order()[place - 1][1] == first
        said = f"« {first} » est maintenant à la place {place} sur {count}."
        assert page.locator(".messagelist .success").inner_text() == said
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == label
        described = page.evaluate(
            "document.getElementById(document.activeElement.getAttribute('aria-describedby'))"
            ".textContent.trim()"
        )
        assert described == said
    assert [position for position, _title in order()] == list(range(1, len(order()) + 1))
    assert page.csp_errors == []
    context.close()


def test_the_inbox_fits_a_1280_px_screen(browser, live_site, django_user_model):
    from tests.contacts.builders import make_contact_request

    for index in range(3):
        make_contact_request(
            f"Camille Martin-Durand {index}",
            organisation="Communauté d’agglomération du Saint-Quentinois",
        )
    context, page, admin = logged_in_page(browser, live_site, django_user_model)
    page.goto(f"{admin}contacts/contactrequest/")
    headers = page.locator("#result_list thead th")
    for label in ("Statut", "Suivie par", "Équipe prévenue"):
        box = headers.filter(has_text=label).bounding_box()
        assert box and box["x"] + box["width"] <= 1280, label
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    context.close()
