"""The issue's test of done: staff publish a news item with an image and attach a PDF call
rule to a scheme, and both are on the home page, the scheme page, the feed and the search at
the next request, the page cache on."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from funding.models import Scheme
from news.models import NewsItem
from resources.models import Resource
from tests.images import image_bytes
from tests.resources.builders import pdf_bytes

PAGES = ("/", "/financements/ficol/", "/actualites/flux/", "/recherche/?q=ficol+2027")


@pytest.mark.django_db
def test_a_news_item_and_a_call_rule_published_in_the_admin_show_at_the_next_request(
    staff_client, settings, initial_content
):
    settings.PAGE_CACHE_SECONDS = 300
    visitor = Client()
    for url in PAGES:  # every page in the cache before the edits
        assert visitor.get(url).status_code == 200
        assert visitor.get(url)["X-Page-Cache"] == "hit", url
    scheme = Scheme.objects.get(slug="ficol")
    now = timezone.localtime()
    response = staff_client.post(
        reverse("admin:news_newsitem_add"),
        {
            "title": "La FICOL 2027 est ouverte",
            "slug": "la-ficol-2027-est-ouverte",
            "summary": "L’AFD ouvre l’édition 2027 de la FICOL.",
            "body": "<p>Dépôt des dossiers sur le site de l’AFD.</p>",
            "image": SimpleUploadedFile("ficol.jpg", image_bytes((1200, 800), "JPEG")),
            "image_alt": "Le logo de la FICOL",
            "schemes": [scheme.pk],
            "published_at_0": now.strftime("%d/%m/%Y"),
            "published_at_1": now.strftime("%H:%M:%S"),
            "is_published": "on",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    response = staff_client.post(
        reverse("admin:resources_resource_add"),
        {
            "title": "Règlement de la FICOL 2027",
            "slug": "reglement-ficol-2027",
            "kind": "reglement",
            "description": "Le règlement de l’appel FICOL 2027.",
            "file": SimpleUploadedFile("Règlement FICOL 2027.pdf", pdf_bytes()),
            "language": "fr",
            "schemes": [scheme.pk],
            "is_published": "on",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    item = NewsItem.objects.get(slug="la-ficol-2027-est-ouverte")
    resource = Resource.objects.get(slug="reglement-ficol-2027")
    home, scheme_page, feed, results = (visitor.get(url).content.decode() for url in PAGES)
    assert item.title in home and resource.title in home
    assert item.title in scheme_page and resource.download_url in scheme_page
    assert item.title in feed
    assert item.title in results and resource.title in results
