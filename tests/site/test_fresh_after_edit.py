"""Nothing stale: for each page type added since the page cache (news, resources, « Ma
collectivité », alerts, the contact page now cached) and each list whose cards are kept, an
edit made through the admin shows at the next request, the page having been served from the
cache just before."""

import pytest
from django.conf import settings
from django.test import Client

from contacts.models import ContactSubject
from directory.models import Authority
from funding.models import Scheme
from pages.models import Page
from reference.models import Departement, Theme
from resources.models import Resource
from tests.admin_forms import admin_form_data
from tests.directory.territories import load_subset
from tests.news.builders import make_news

ADMIN = "/" + settings.ADMIN_URL


def news_item():
    return make_news(title="Ouverture de l’appel FICOL", slug="ouverture-ficol")


# page → (the record the page shows, the field staff change, the text they type)
CASES = {
    # The home page itself is kept per content version (pages.models.published_layout_page).
    "home": (
        "/",
        lambda: Page.objects.get(layout=Page.Layout.HOME),
        "summary",
        "Une introduction corrigée par l’équipe",
    ),
    "news list": ("/actualites/", news_item, "title", "Titre corrigé par l’équipe"),
    "news item": ("/actualites/ouverture-ficol/", news_item, "summary", "Résumé corrigé"),
    "resources": (
        "/ressources/",
        lambda: Resource.objects.filter(is_published=True).first(),
        "title",
        "Guide renommé par l’équipe",
    ),
    "brief": (
        "/ma-collectivite/62765/",
        lambda: Scheme.objects.get(slug="ficol"),
        "title",
        "FICOL, nom corrigé",
    ),
    "authority search": (
        "/ma-collectivite/?q=saint+omer",
        lambda: Departement.objects.get(code="62"),
        "name",
        "Pas-de-Calais (nom corrigé)",
    ),
    "alerts form": (
        "/alertes/",
        lambda: Theme.objects.order_by("position").first(),
        "name",
        "Thème renommé par l’équipe",
    ),
    # Lists whose cards are kept fragments (aict_site.fragments.cards).
    "funding finder": (
        "/financements/",
        lambda: Scheme.objects.get(slug="ficol"),
        "title",
        "FICOL, carte corrigée",
    ),
    "directory": (
        "/collectivites-engagees/",
        lambda: Authority.objects.get(name="Ville de Lille"),
        "name",
        "Ville de Lille (nom corrigé)",
    ),
    # Each shown result's title, address and text are kept (aict_site.search.completed).
    "search": (
        "/recherche/?q=ficol",
        lambda: Scheme.objects.get(slug="ficol"),
        "title",
        "FICOL, titre corrigé",
    ),
    "contact": (
        "/contact/",
        lambda: ContactSubject.objects.get(name="Question sur un financement"),
        "name",
        "Question sur un appel à projets",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("page", CASES)
def test_an_admin_edit_shows_at_the_next_request(staff_client, initial_content, settings, page):
    settings.PAGE_CACHE_SECONDS = 300
    load_subset()
    url, record_of, field, typed = CASES[page]
    record = record_of()
    visitor = Client()
    assert visitor.get(url).status_code == 200
    cached = visitor.get(url)
    assert cached["X-Page-Cache"] == "hit", url
    assert typed not in cached.content.decode()
    change = f"{ADMIN}{record._meta.app_label}/{record._meta.model_name}/{record.pk}/change/"
    response = staff_client.post(
        change, admin_form_data(staff_client.get(change), **{field: typed})
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert typed in visitor.get(url).content.decode(), f"{page}: the edit is not shown"
