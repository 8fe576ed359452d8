"""News: scheduled publication, the list and its theme filter, an item's page with what it
is about, the Atom feed, the home page, the scheme page, the search and the admin."""

import json
import re
import time
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from funding.models import Call, Scheme
from news.models import NewsItem
from reference.models import Country, Theme
from tests.events.builders import make_event
from tests.helpers import squashed
from tests.images import image_bytes
from tests.news.builders import make_news

ATOM = "{http://www.w3.org/2005/Atom}"


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.django_db
def test_a_scheduled_item_appears_on_time_everywhere(client, settings, initial_content):
    """Nobody edits anything at the scheduled time: the clock alone brings the item in, on
    the list, the home page, the feed, the search and its own page, within
    FRAGMENT_CLOCK_SECONDS."""
    settings.PAGE_CACHE_SECONDS = 1
    settings.FRAGMENT_CLOCK_SECONDS = 1
    make_news("Déjà paru")
    make_news("Bientôt paru", published_in=timedelta(seconds=1))
    for url in ("/actualites/", "/", "/actualites/flux/", "/recherche/?q=paru"):
        page = html(client, url)
        assert "Déjà paru" in page and "Bientôt paru" not in page, url
    assert client.get("/actualites/bientot-paru/").status_code == 404
    time.sleep(2.2)
    for url in (
        "/actualites/", "/", "/actualites/flux/", "/actualites/bientot-paru/", "/recherche/?q=paru",
    ):  # fmt: skip
        assert "Bientôt paru" in html(client, url), url


@pytest.mark.django_db
def test_a_draft_is_404_to_visitors_and_an_uncached_preview_for_staff(staff_client):
    make_news("Brouillon d’actualité", is_published=False)
    assert Client().get("/actualites/brouillon-dactualite/").status_code == 404
    response = staff_client.get("/actualites/brouillon-dactualite/")
    assert response.status_code == 200 and "no-cache" in response["Cache-Control"]
    assert "Aperçu" in response.content.decode()


@pytest.mark.django_db
def test_the_list_is_newest_first_ten_a_page_and_filters_by_theme(client, initial_content):
    water = Theme.objects.get(slug="eau-assainissement")
    for number in range(12):
        item = make_news(f"Nouvelle {number:02}", published_in=-timedelta(days=number + 1))
        if number % 4 == 0:
            item.themes.add(water)
    first = html(client, "/actualites/")
    titles = re.findall(r"Nouvelle (\d\d)", first)
    assert titles == [f"{n:02}" for n in range(10)]
    assert "Page 1 sur 2" in first
    second = html(client, "/actualites/?page=2")
    assert re.findall(r"Nouvelle (\d\d)", second) == ["10", "11"]
    filtered = html(client, "/actualites/?theme=eau-assainissement")
    assert re.findall(r"Nouvelle (\d\d)", filtered) == ["00", "04", "08"]
    # An unknown theme is ignored, never a 500.
    assert client.get("/actualites/?theme=inconnu").status_code == 200


@pytest.mark.django_db
def test_an_items_page_shows_what_it_is_about_the_contact_card_and_its_cards(
    client, initial_content
):
    scheme = Scheme.objects.get(slug="ficol")
    call = Call.objects.filter(scheme=scheme).first()
    event = make_event("Webinaire FICOL")
    item = make_news(
        "La FICOL rouvre",
        body="<p>Les collectivités peuvent <strong>déposer</strong>.</p>",
        image=SimpleUploadedFile("ficol.png", image_bytes((1600, 900))),
        image_alt="Des élus autour d’une carte",
    )
    item.schemes.add(scheme)
    item.calls.add(call)
    item.events.add(event)
    item.countries.add(Country.objects.get(code="SN"))
    page = html(client, item.get_absolute_url())
    for text in (
        scheme.title,
        call.title,
        "Webinaire FICOL",
        "Sénégal",
        "<strong>déposer</strong>",
    ):
        assert text in page
    assert "Des élus autour d’une carte" in page and "image/webp" in page
    assert 'property="og:image"' in page and "/media/news/" in page
    assert 'property="og:type" content="article"' in page
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    article = next(b for b in map(json.loads, blocks) if b["@type"] == "NewsArticle")
    assert article["headline"] == "La FICOL rouvre"
    assert article["datePublished"].startswith(str(timezone.localdate(item.published_at)))
    # The contact card: whom to call about it.
    assert "Nous contacter" in page or "Contact" in page


@pytest.mark.django_db
def test_the_feed_is_valid_atom_with_only_published_items(client, initial_content):
    from news.models import NewsItem

    NewsItem.objects.all().delete()  # the initial items: their own test below
    make_news("Publiée")
    make_news("Brouillon", is_published=False)
    make_news("Programmée", published_in=timedelta(days=2))
    response = client.get("/actualites/flux/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    # What RFC 4287 requires of a feed and of each entry.
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{name}") is not None, name
    assert root.find(f"{ATOM}author/{ATOM}name").text == "Lianes coopération"
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Publiée"]
    for entry in entries:
        for name in ("id", "title", "updated", "summary"):
            assert entry.find(f"{ATOM}{name}") is not None, name
        link = entry.find(f"{ATOM}link")
        assert link.get("href").endswith("/actualites/publiee/")
        assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", entry.find(f"{ATOM}updated").text)


@pytest.mark.django_db
def test_home_shows_the_three_latest_and_the_scheme_page_the_items_about_it(
    client, initial_content
):
    for number in range(4):
        make_news(f"Brève {number}", published_in=-timedelta(days=number + 1))
    home = html(client, "/")
    assert all(f"Brève {n}" in home for n in range(3)) and "Brève 3" not in home
    assert 'href="/actualites/"' in home
    scheme = Scheme.objects.get(slug="ficol")
    about = make_news("À propos de la FICOL")
    assert "À propos de la FICOL" not in html(client, scheme.get_absolute_url())
    about.schemes.add(scheme)
    assert "À propos de la FICOL" in html(client, scheme.get_absolute_url())


@pytest.mark.django_db
def test_search_and_sitemap_find_a_published_item(client, initial_content):
    make_news("Jumelage avec Kaolack", summary="Une coopération sur l’assainissement.")
    make_news("Brouillon Kaolack", is_published=False)
    results = html(client, "/recherche/?q=kaolack")
    assert "Jumelage avec Kaolack" in results and "Brouillon Kaolack" not in results
    assert "Actualité" in results
    assert "/actualites/jumelage-avec-kaolack/" in html(client, "/sitemap.xml")


@pytest.mark.django_db
def test_staff_see_on_a_scheme_call_and_event_the_news_that_mention_them(
    staff_client, initial_content
):
    scheme = Scheme.objects.get(slug="ficol")
    call = Call.objects.filter(scheme=scheme).first()
    event = make_event()
    item = make_news("Mention en administration")
    item.schemes.add(scheme)
    item.calls.add(call)
    item.events.add(event)
    for name, record in (
        ("funding_scheme", scheme),
        ("funding_call", call),
        ("events_event", event),
    ):
        url = reverse(f"admin:{name}_change", args=[record.pk])
        page = html(staff_client, url)
        assert "Actualités qui le mentionnent" in page, url
        assert reverse("admin:news_newsitem_change", args=[item.pk]) in page, url


@pytest.mark.django_db
def test_an_image_without_its_alternative_text_is_refused_in_the_admin(staff_client):
    add = reverse("admin:news_newsitem_add")
    assert staff_client.get(add).status_code == 200
    now = timezone.localtime()
    response = staff_client.post(
        add,
        {
            "title": "Sans texte",
            "slug": "sans-texte",
            "summary": "Résumé.",
            "body": "",
            "image": SimpleUploadedFile("photo.png", image_bytes((800, 600))),
            "image_alt": "",
            "published_at_0": now.strftime("%d/%m/%Y"),
            "published_at_1": now.strftime("%H:%M:%S"),
            "is_published": "on",
        },
    )
    assert response.status_code == 200
    assert "le texte alternatif est obligatoire" in response.content.decode()
    assert not NewsItem.objects.exists()


@pytest.mark.django_db
def test_a_fresh_site_reports_real_dated_events_each_with_its_source(client, initial_content):
    from news.models import NewsItem

    items = list(NewsItem.objects.published())
    assert 1 <= len(items) <= 5
    for item in items:
        assert 'href="https://' in item.body, item.title  # its source, linked
        assert item.schemes.exists(), item.title  # about a scheme a mayor can open
    home = squashed(html(client, "/"))
    assert "Pas encore d’actualité" not in home
    assert "Fonds franco-marocain : 15 projets retenus" in home
    page = squashed(
        html(client, "/actualites/fonds-franco-marocain-15-projets-et-appel-2026-2027/")
    )
    assert "lesiteinfo.com, 12 décembre 2025" in page
