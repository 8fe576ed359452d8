"""Uploads are decoded in full and their names must match their content; a stored image that
cannot be read leaves its page up, without the image, and says so in the log."""

import logging

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from contacts.models import Partner
from pages.models import Page
from tests.admin_forms import admin_form_data
from tests.images import image_bytes, truncated_jpeg


def upload_logo(staff_client, partner, upload):
    url = reverse("admin:contacts_partner_change", args=[partner.pk])
    return staff_client.post(url, admin_form_data(staff_client.get(url), logo=upload))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.jpg", truncated_jpeg(), "n’est pas une image valide"),
        ("logo.pdf", image_bytes(image_format="PNG"), "ne correspond pas à son contenu (PNG)"),
        ("logo.jpg", image_bytes(image_format="PNG"), "ne correspond pas à son contenu (PNG)"),
    ],
)
def test_a_broken_or_misnamed_image_is_refused_in_french(
    staff_client, initial_content, name, content, message
):
    partner = Partner.objects.get(name="FONJEP")
    response = upload_logo(staff_client, partner, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.errors)
    assert not Partner.objects.get(pk=partner.pk).logo


@pytest.mark.django_db
def test_a_whole_jpeg_with_its_own_name_is_accepted(staff_client, initial_content):
    partner = Partner.objects.get(name="FONJEP")
    upload = SimpleUploadedFile("logo.jpeg", image_bytes((400, 100), "JPEG"))
    assert upload_logo(staff_client, partner, upload).status_code == 302
    assert Partner.objects.get(pk=partner.pk).logo


@pytest.mark.django_db
def test_an_unreadable_stored_logo_leaves_the_partners_page_up(client, initial_content, caplog):
    partner = Partner.objects.get(name="FONJEP")
    # As if the file were damaged on disk after it was accepted.
    partner.logo.save("fonjep.jpg", ContentFile(truncated_jpeg()))
    with caplog.at_level(logging.ERROR, logger="aict_site.images"):
        response = client.get("/partenaires/")
    assert response.status_code == 200
    assert '<span class="partner-name">FONJEP</span>' in response.content.decode()
    assert f"partner {partner.pk}: stored image cannot be read" in caplog.text


@pytest.mark.django_db
def test_an_unreadable_stored_page_image_leaves_the_page_up(client, initial_content, caplog):
    page = Page.objects.get(slug="lianes-cooperation")
    page.image.save("photo.jpg", ContentFile(truncated_jpeg((1600, 900))), save=False)
    page.image_alt = "Réunion du réseau"
    page.save()
    with caplog.at_level(logging.ERROR, logger="aict_site.images"):
        response = client.get(page.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert page.title in html and "<picture>" not in html
    assert f"page {page.pk}: stored image cannot be read" in caplog.text


@pytest.mark.django_db
def test_an_uploaded_images_copies_are_made_at_upload_not_by_its_first_visitor(
    staff_client, initial_content
):
    partner = Partner.objects.get(name="FONJEP")
    upload = SimpleUploadedFile("logo.png", image_bytes((1200, 300), "PNG"))
    assert upload_logo(staff_client, partner, upload).status_code == 302
    partner = Partner.objects.get(pk=partner.pk)
    storage = partner.logo.storage
    for copy in (partner.logo_display, partner.logo_webp, partner.logo_webp_2x):
        assert storage.exists(copy.name), copy.name  # before any page was shown
    page = Page.objects.get(slug="lianes-cooperation")
    page.image.save("photo.png", ContentFile(image_bytes((2000, 1000), "PNG")), save=False)
    page.image_alt = "Réunion du réseau"
    page.save()
    for copy in (page.image_480, page.image_960, page.image_1440):
        assert page.image.storage.exists(copy.name), copy.name
