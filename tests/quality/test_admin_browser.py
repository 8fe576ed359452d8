"""The admin keeps working under the security headers: log in, edit rich text, upload, save."""

import io

import pytest
from django.conf import settings
from PIL import Image

from pages.models import Page

pytestmark = pytest.mark.browser


def test_staff_edit_a_page_with_the_rich_text_editor_and_upload_an_image(
    browser, live_site, django_user_model, tmp_path
):
    django_user_model.objects.create_superuser(
        "chef", "chef@example.org", "un mot de passe solide 2026"
    )
    photo = tmp_path / "reunion.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (200, 120, 40)).save(buffer, "JPEG")
    photo.write_bytes(buffer.getvalue())
    page_id = Page.objects.get(slug="lianes-cooperation").pk

    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    csp_errors = []
    page.on("console", lambda m: "Content Security Policy" in m.text and csp_errors.append(m.text))
    admin = f"{live_site}/{settings.ADMIN_URL}"
    page.goto(admin + "login/")
    page.fill("#id_username", "chef")
    page.fill("#id_password", "un mot de passe solide 2026")
    page.click("input[type=submit]")
    page.wait_for_url(admin)

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
    assert csp_errors == []
