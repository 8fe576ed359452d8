"""Each kind of page shares its own card on social networks: its title, its description and,
when it has one, its image; the others the network's card, never a generic title."""

import pytest
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from directory.models import Authority
from funding.models import Scheme
from tests.events.builders import make_event
from tests.helpers import Outline
from tests.images import image_bytes
from tests.pages.builders import make_page


def card(client, path):
    meta = Outline(client.get(path).content.decode()).meta
    return {key: value for key, value in meta.items() if key.startswith("og:")}, meta


@pytest.mark.django_db
def test_schemes_events_authorities_and_pages_share_their_own_title_and_description(
    client, initial_content
):
    scheme = Scheme.objects.published().get(slug="ficol")
    event = make_event("Rencontre régionale de la coopération", summary="Une journée d’échanges.")
    authority = Authority.objects.get(name="Ville de Lille")
    for path, title in (
        (scheme.get_absolute_url(), scheme.title),
        (event.get_absolute_url(), event.title),
        (authority.get_absolute_url(), authority.name),
        ("/financements/calendrier/", "Calendrier des clôtures"),
    ):
        og, meta = card(client, path)
        assert og["og:title"].startswith(title), path
        assert og["og:description"] == meta["description"], path
        assert og["og:url"] == f"http://testserver{path}"
    og, _meta = card(client, scheme.get_absolute_url())
    assert og["og:description"].startswith(scheme.summary[:60])
    assert og["og:image"] == "http://testserver/static/img/social-card.png"
    assert card(client, event.get_absolute_url())[0]["og:type"] == "article"


def test_the_default_card_is_a_png_of_the_size_networks_expect():
    with Image.open(finders.find("img/social-card.png")) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))


@pytest.mark.django_db
def test_a_page_with_an_image_shares_it_with_its_alternative_text(client, initial_content):
    page = make_page(
        "Page illustrée",
        image=SimpleUploadedFile("photo.png", image_bytes((1600, 900))),
        image_alt="Des élus en réunion",
    )
    og, _meta = card(client, page.get_absolute_url())
    assert og["og:image"] == f"http://testserver{page.image.url}"
    assert (og["og:image:width"], og["og:image:height"]) == ("1600", "900")
    assert og["og:image:alt"] == "Des élus en réunion"
    assert og["og:title"] == "Page illustrée"
