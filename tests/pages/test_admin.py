"""Staff edit every text in the admin, in French, with history and recovery."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail

from pages.models import Page, Reason
from tests.admin_forms import admin_form_data
from tests.helpers import squashed
from tests.images import image_bytes

ADMIN = "/" + settings.ADMIN_URL


@pytest.mark.django_db
def test_admin_index_is_in_french_and_grouped_by_task(staff_client, initial_content):
    html = staff_client.get(ADMIN).content.decode()
    for group in ("Pages", "Réseau et contacts"):
        assert group in html
    assert "Raisons de s’engager" in html


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["page", "reason", "action", "sitesettings"])
def test_changelists_search_and_add_forms_open(staff_client, initial_content, model):
    assert staff_client.get(f"{ADMIN}pages/{model}/").status_code == 200
    assert staff_client.get(f"{ADMIN}pages/{model}/", {"q": "coopération"}).status_code == 200
    if model != "sitesettings":
        assert staff_client.get(f"{ADMIN}pages/{model}/add/").status_code == 200


@pytest.mark.django_db
def test_editing_a_reason_shows_on_the_next_request(staff_client, client, initial_content):
    reason = Reason.objects.get(position=3)
    url = f"{ADMIN}pages/reason/{reason.pk}/change/"
    data = admin_form_data(staff_client.get(url), title="Valorisez le savoir-faire local.")
    response = staff_client.post(url, data)
    assert response.status_code == 302
    assert Reason.objects.get(pk=reason.pk).title == "Valorisez le savoir-faire local."
    assert (
        "Valorisez le savoir-faire local."
        in client.get("/nouvelles-modalites-de-cooperation/").content.decode()
    )


@pytest.mark.django_db
def test_a_page_is_created_with_its_slug_and_sanitised_body(staff_client, client):
    response = staff_client.get(f"{ADMIN}pages/page/add/")
    data = admin_form_data(
        response,
        title="Appel à projets jeunesse",
        slug="appel-a-projets-jeunesse",
        layout="standard",
        body='<p>Texte<script>alert(1)</script></p><p onclick="x()">Suite</p>',
        is_published="on",
        position=7,
    )
    response = staff_client.post(f"{ADMIN}pages/page/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    page = Page.objects.get(slug="appel-a-projets-jeunesse")
    assert page.body == "<p>Texte</p><p>Suite</p>"
    assert "Texte" in client.get("/appel-a-projets-jeunesse/").content.decode()


@pytest.mark.django_db
def test_deleted_page_can_be_recovered_from_its_history(staff_client, client, initial_content):
    page = Page.objects.get(slug="lianes-cooperation")
    url = f"{ADMIN}pages/page/{page.pk}/change/"
    staff_client.post(url, admin_form_data(staff_client.get(url), summary="Résumé révisé."))
    response = staff_client.post(f"{ADMIN}pages/page/{page.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert client.get("/lianes-cooperation/").status_code == 404
    recover_list = staff_client.get(f"{ADMIN}pages/page/recover/").content.decode()
    assert "Lianes coopération" in recover_list
    from reversion.models import Version

    version = Version.objects.get_deleted(Page).get(object_id=str(page.pk))
    recover_url = f"{ADMIN}pages/page/recover/{version.pk}/"
    response = staff_client.post(recover_url, admin_form_data(staff_client.get(recover_url)))
    assert response.status_code == 302
    assert client.get("/lianes-cooperation/").status_code == 200
    assert Page.objects.get(pk=page.pk).summary == "Résumé révisé."
    history = staff_client.get(f"{ADMIN}pages/page/{page.pk}/history/")
    assert history.status_code == 200
    assert Version.objects.get_for_object(Page.objects.get(pk=page.pk)).count() >= 2


@pytest.mark.django_db
def test_uploaded_image_is_validated_and_served_in_responsive_sizes(
    staff_client, client, initial_content
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = Page.objects.get(slug="lianes-cooperation")
    url = f"{ADMIN}pages/page/{page.pk}/change/"
    fake = SimpleUploadedFile("photo.png", b"not an image at all", content_type="image/png")
    response = staff_client.post(
        url, admin_form_data(staff_client.get(url), image=fake, image_alt="x")
    )
    assert response.status_code == 200
    errors = str(response.context["adminform"].form.errors)
    assert "Téléversez une image valide" in errors
    no_alt = SimpleUploadedFile("photo.png", image_bytes(), content_type="image/png")
    response = staff_client.post(
        url, admin_form_data(staff_client.get(url), image=no_alt, image_alt="")
    )
    assert "le texte alternatif est obligatoire" in str(response.context["adminform"].form.errors)
    good = SimpleUploadedFile("photo.png", image_bytes(), content_type="image/png")
    response = staff_client.post(
        url,
        admin_form_data(staff_client.get(url), image=good, image_alt="Réunion du réseau à Lille"),
    )
    assert response.status_code == 302
    html = client.get("/lianes-cooperation/").content.decode()
    assert 'alt="Réunion du réseau à Lille"' in html
    assert 'width="960" height="540"' in squashed(html)
    assert 'type="image/webp"' in html and "480w" in html and "960w" in html and "1440w" in html


@pytest.mark.django_db
def test_gif_and_oversized_images_are_refused_in_french(staff_client, initial_content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    page = Page.objects.get(slug="lianes-cooperation")
    url = f"{ADMIN}pages/page/{page.pk}/change/"
    gif = SimpleUploadedFile("anim.gif", image_bytes(image_format="GIF"), content_type="image/gif")
    response = staff_client.post(
        url, admin_form_data(staff_client.get(url), image=gif, image_alt="x")
    )
    assert "Format d’image non accepté (GIF)" in str(response.context["adminform"].form.errors)


@pytest.mark.django_db
def test_roles_exist_with_the_right_permissions(initial_content):
    editor = Group.objects.get(name="Rédaction")
    administrator = Group.objects.get(name="Administration")
    editor_perms = set(editor.permissions.values_list("codename", flat=True))
    assert {"change_page", "add_reason", "delete_action", "change_partner"} <= editor_perms
    assert "change_sitesettings" not in editor_perms
    assert "change_user" not in editor_perms
    admin_perms = set(administrator.permissions.values_list("codename", flat=True))
    assert {"change_sitesettings", "change_user", "change_group", "change_page"} <= admin_perms


@pytest.mark.django_db
def test_editor_role_can_edit_pages_but_not_site_settings(
    client, django_user_model, initial_content
):
    user = django_user_model.objects.create_user("claire", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Rédaction"))
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(f"{ADMIN}pages/page/").status_code == 200
    refused = client.get(f"{ADMIN}pages/sitesettings/1/change/")
    assert refused.status_code == 403
    # A French page that says why and where to go, not a bare « 403 Forbidden ».
    html = squashed(refused.content.decode())
    assert "<h1>Accès refusé</h1>" in html and 'lang="fr"' in html
    assert "n’est pas ouverte à votre compte" in html and "Retour à l’administration" in html


@pytest.mark.django_db
def test_staff_reset_a_forgotten_password_by_email(client, django_user_model):
    django_user_model.objects.create_user("claire", "claire@example.org", "x", is_staff=True)
    login = client.get(f"{ADMIN}login/").content.decode()
    assert f'href="{ADMIN}password_reset/"' in login
    response = client.post(f"{ADMIN}password_reset/", {"email": "claire@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["claire@example.org"]
    assert "/reinitialiser/" in mail.outbox[0].body


@pytest.mark.django_db
def test_site_settings_warn_about_missing_legal_facts(staff_client, initial_content):
    html = staff_client.get(f"{ADMIN}pages/sitesettings/1/change/").content.decode()
    assert "À compléter pour les mentions légales" in html


@pytest.mark.django_db
def test_the_initial_content_is_the_first_revision_of_every_record(
    staff_client, initial_content_with_revisions
):
    import reversion
    from reversion.models import Version

    for model in reversion.get_registered_models():
        for record in model.objects.all():
            versions = Version.objects.get_for_object(record)
            assert versions.count() >= 1, f"{model.__name__} {record.pk} has no revision"
            assert versions.last().revision.comment == "Contenu initial du client"

    # Staff rewrite a reason, then restore the client's text from its history.
    reason = Reason.objects.get(position=3)
    original = reason.title
    url = f"{ADMIN}pages/reason/{reason.pk}/change/"
    staff_client.post(url, admin_form_data(staff_client.get(url), title="Un autre titre."))
    first = Version.objects.get_for_object(reason).last()
    revision_url = f"{ADMIN}pages/reason/{reason.pk}/history/{first.pk}/"
    page = staff_client.get(revision_url)
    assert "Ce que change cette restauration" in page.content.decode()
    assert staff_client.post(revision_url, admin_form_data(page)).status_code == 302
    assert Reason.objects.get(pk=reason.pk).title == original


@pytest.mark.django_db
def test_every_site_setting_the_readiness_list_asks_for_can_be_filled_in(
    staff_client, initial_content
):
    from pages.models import SiteSettings

    html = staff_client.get(f"{ADMIN}pages/sitesettings/1/change/").content.decode()
    editable = [
        field.name
        for field in SiteSettings._meta.concrete_fields
        if field.editable and not field.primary_key
    ]
    missing = [name for name in editable if f'name="{name}"' not in html]
    assert missing == []
    assert 'name="postal_address"' in html and 'name="accessibility_statement_on"' in html
