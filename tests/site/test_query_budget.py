"""SQL queries per page: a small constant per page type, the same at ten times the content.

Counted with every cache empty (the first request after an edit, the costliest), and again
with the shared fragments kept (any other miss of the page cache).
"""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.content import generate as generate_bench_content
from directory.models import Authority, Cooperation
from events.models import Event
from funding.models import Scheme
from news.models import NewsItem
from pages.models import Page
from reference.models import Country, Theme
from resources.models import Resource
from tests.directory.territories import SAINT_OMER_EPCI, load_subset
from tests.events.builders import make_event
from tests.news.builders import make_news
from tests.resources.builders import make_resource

# Page type → the most queries it may run: with every cache empty, and with the shared
# fragments kept.
BUDGET = {
    # Every HTML page, cold: the main menu (staff edit it, one query) and the footer's pages
    # (one); both kept per content version and shared by every address.
    # The home page's quick finder (types, themes) and partners' logos: three more, cold.
    # Reasons, actions and linked pages of a layout, the home page itself: kept per content
    # version. The menu (staff edit it: one query) and the footer's pages (one), cold.
    "home": (16, 0),
    # The side column: the person to call and the next deadlines, cached fragments.
    "page": (8, 1),
    "support page (funders)": (9, 1),
    # Each scheme's card is kept: the page reads its schemes lean, then whole, with their
    # themes and calls, those whose card it has not kept (one query more cold, as the
    # directory).
    "funding finder": (13, 1),
    # The chosen theme and country: kept per value (aict_site.choices), no query warm.
    "funding finder, two filters": (15, 1),
    # Its facts, calls, related schemes, documents and news: cached fragments.
    "scheme": (14, 1),  # + its groups of partner countries (eligibility as data)
    "deadline calendar": (6, 1),
    "deadline feed (Atom)": (1, 1),
    "deadline calendar (.ics)": (1, 1),
    # Each authority's card is kept: the page reads its authorities lean, then those whose
    # card it has not kept (one query more cold, one less warm).
    "directory": (17, 2),
    "directory, two filters": (19, 2),
    "authority": (8, 3),
    "country": (9, 4),
    "partners": (7, 1),
    "contact": (10, 0),
    "agenda": (6, 1),
    "agenda archives": (7, 2),
    "event": (10, 3),
    # One query finding every kind of record, and one per kind of result among those shown,
    # cold, with the territories' names and départements (« Ma collectivité »: two, once per
    # content version); was 17 / 14 with a query per kind searched. Warm, the one query: the
    # shown results are kept (aict_site.search.completed).
    "search": (12, 1),
    # Two sections more for « Ma collectivité »: its search page and its 3,880 briefs.
    "sitemap": (16, 16),
    # « Ma collectivité »: the search (one query), and a brief, which composes the other apps
    # (the office, the actions, the schemes, the levers, events, the directory) in cached
    # fragments: kept, a brief reads its territory only. The search matches names in each
    # worker's memory, with what a list of territories shows (read once per content version:
    # two queries cold), and runs none warm.
    "my authority, search": (6, 0),
    "brief of a commune": (20, 1),
    "brief of an intercommunalité": (21, 1),
    "brief of a département": (21, 1),
    "brief of the Région": (21, 1),
    # News and resources: the list (its filter's fields a cached fragment), an item with what
    # it is about (a fragment, 6 relations), the feed; the contact card and the footer are
    # cached fragments.
    "news": (8, 2),
    "news, by theme": (9, 3),
    "news item": (12, 1),
    "news feed (Atom)": (1, 1),
    "resources": (8, 2),
    "resources, two filters": (9, 3),
    "resource": (9, 4),
    # The alerts' form: its vocabularies (types, themes, countries, départements, schemes,
    # event kinds), one query each, read once per content version; its blank fields a
    # cached fragment. (The page itself is now served from the page cache.)
    "alerts": (10, 0),
}


def urls():
    reasons = Page.objects.get(layout=Page.Layout.REASONS)
    support = Page.objects.get(layout=Page.Layout.SUPPORT)
    authority = Authority.objects.get(name="Ville de Lille")
    event = Event.objects.upcoming().first()
    news = NewsItem.objects.published().first()
    resource = Resource.objects.published().first()
    return {
        "home": "/",
        "page": reasons.get_absolute_url(),
        "support page (funders)": support.get_absolute_url(),
        "funding finder": "/financements/",
        "funding finder, two filters": "/financements/?theme=jeunesse&pays=SN",
        "scheme": "/financements/ficol/",
        "deadline calendar": "/financements/calendrier/",
        "deadline feed (Atom)": "/financements/flux/",
        "deadline calendar (.ics)": "/financements/calendrier.ics",
        "directory": "/collectivites-engagees/",
        "directory, two filters": "/collectivites-engagees/?pays=SN&departement=59",
        "authority": authority.get_absolute_url(),
        "country": "/collectivites-engagees/pays/SN/",
        "partners": "/partenaires/",
        "contact": "/contact/",
        "agenda": "/agenda/",
        "agenda archives": "/agenda/archives/",
        "event": event.get_absolute_url(),
        "search": "/recherche/?q=developpement+durable",
        "sitemap": "/sitemap.xml",
        "my authority, search": "/ma-collectivite/?q=saint",
        "brief of a commune": "/ma-collectivite/62765/",
        "brief of an intercommunalité": f"/ma-collectivite/{SAINT_OMER_EPCI}/",
        "brief of a département": "/ma-collectivite/62/",
        "brief of the Région": "/ma-collectivite/32/",
        "news": "/actualites/",
        "news, by theme": "/actualites/?theme=jeunesse",
        "news item": news.get_absolute_url(),
        "news feed (Atom)": "/actualites/flux/",
        "resources": "/ressources/",
        "resources, two filters": "/ressources/?type=reglement&theme=jeunesse",
        "resource": resource.get_absolute_url(),
        "alerts": "/alertes/",
    }


def queries(client, url, *, cold):
    if cold:
        for cache in caches.all():
            cache.clear()
    else:
        client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def measure(client, pages):
    return {
        name: (queries(client, url, cold=True), queries(client, url, cold=False))
        for name, url in pages.items()
    }


@pytest.mark.django_db
def test_queries_per_page_are_few_and_do_not_grow_with_the_content(
    client, settings, initial_content
):
    settings.PAGE_CACHE_SECONDS = 0  # the cost of rendering a page, not of serving it
    # One of each thing a page lists, so that no list is empty before the content grows.
    make_event()
    make_event("Rencontre passée", starts_in=-timedelta(days=30))
    Cooperation.objects.create(
        authority=Authority.objects.get(name="Ville de Lille"),
        partner_name="Commune partenaire",
        country=Country.objects.get(code="SN"),
    )
    load_subset()
    ficol = Scheme.objects.get(slug="ficol")
    youth = Theme.objects.get(slug="jeunesse")
    item = make_news(body="<p>Texte</p>")
    item.schemes.add(ficol)
    item.themes.add(youth)
    item.events.add(Event.objects.first())
    rules = make_resource(kind="reglement")
    rules.schemes.add(ficol)
    rules.themes.add(youth)
    pages = urls()
    before = measure(client, pages)
    generate_bench_content()  # ten times the initial content and more
    after = measure(client, pages)
    assert set(BUDGET) == set(before)
    for name, (cold_budget, warm_budget) in BUDGET.items():
        for size, (cold, warm) in (("1×", before[name]), ("10×", after[name])):
            assert cold <= cold_budget, f"{name} at {size}: {cold} queries, {cold_budget} at most"
            assert warm <= warm_budget, f"{name} at {size}: {warm} queries, {warm_budget} at most"
        if name != "search":  # its count follows the kinds of result shown, not their number
            assert after[name] == before[name], f"{name}: {before[name]} → {after[name]}"
