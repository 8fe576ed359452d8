"""The finder narrows the list by authority type, theme, country and open calls."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reference.models import AuthorityType, Country, Theme
from tests.funding.builders import make_call, make_funder, make_scheme
from tests.helpers import squashed


def listed(client, **params):
    html = client.get("/financements/", params).content.decode()
    return set(re.findall(r'<h3><a href="/financements/([^/]+)/">', html)), html


@pytest.fixture
def catalogue(db, initial_content):
    from funding.models import Scheme

    Scheme.objects.all().delete()
    commune = AuthorityType.objects.get(name="Commune")
    region = AuthorityType.objects.get(name="Région")
    youth = Theme.objects.get(slug="jeunesse")
    water = Theme.objects.get(slug="eau-assainissement")
    senegal = Country.objects.get(code="SN")
    morocco = Country.objects.get(code="MA")
    funder = make_funder("Ministère")
    make_scheme(
        "Communes jeunesse Sénégal", funder, types=[commune], themes=[youth], countries=[senegal]
    )
    make_scheme("Régions eau Maroc", funder, types=[region], themes=[water], countries=[morocco])
    make_scheme("Tous publics tous pays", funder, themes=[youth, water])
    open_one = make_scheme("Ouvert maintenant", funder, types=[commune])
    make_call(open_one, opens_in_days=-5, closes_in_days=5)
    later = make_scheme("Ouvre plus tard", funder, types=[commune])
    make_call(later, opens_in_days=10, closes_in_days=40)
    past = make_scheme("Clos", funder)
    make_call(past, opens_in_days=-40, closes_in_days=-10)
    return {"commune": commune.pk, "region": region.pk}


ALL = {"communes-jeunesse-senegal", "regions-eau-maroc", "tous-publics-tous-pays",
       "ouvert-maintenant", "ouvre-plus-tard", "clos"}  # fmt: skip


def test_without_filters_everything_is_listed_grouped_by_funder(client, catalogue):
    slugs, html = listed(client)
    assert slugs == ALL
    assert "6 dispositifs correspondent à votre recherche." in html
    assert '<h2 id="funder-' in html


def test_authority_type_keeps_schemes_open_to_it_or_to_all(client, catalogue):
    slugs, _html = listed(client, collectivite=catalogue["region"])
    assert slugs == {"regions-eau-maroc", "tous-publics-tous-pays", "clos"}


# The schemes whose source names no theme are open to every theme.
NO_THEME = {"ouvert-maintenant", "ouvre-plus-tard", "clos"}


def test_theme_filter(client, catalogue):
    slugs, _html = listed(client, theme="eau-assainissement")
    assert slugs == {"regions-eau-maroc", "tous-publics-tous-pays"} | NO_THEME


def test_country_keeps_schemes_for_that_country_or_any(client, catalogue):
    slugs, _html = listed(client, pays="SN")
    assert slugs == ALL - {"regions-eau-maroc"}


def test_open_now_keeps_schemes_with_an_open_call(client, catalogue):
    slugs, html = listed(client, ouvert="1")
    assert slugs == {"ouvert-maintenant"}
    assert "Ouvert</strong> — clôture le" in squashed(html)


def test_a_call_opened_with_no_closing_date_is_open_on_its_card_and_in_the_filter(
    client, catalogue
):
    rolling = make_scheme("Au fil de l’eau", make_funder("Agence"), types=[])
    make_call(rolling, opens_in_days=-3)
    slugs, html = listed(client, ouvert="1")
    assert slugs == {"ouvert-maintenant", "au-fil-de-leau"}
    card = html[html.index("Au fil de l’eau") :]
    assert "Ouvert</strong>" in card[:2000]


def test_filters_combine(client, catalogue):
    slugs, html = listed(client, collectivite=catalogue["commune"], theme="jeunesse", pays="SN")
    assert slugs == {"communes-jeunesse-senegal", "tous-publics-tous-pays"} | NO_THEME
    assert "5 dispositifs correspondent" in html
    slugs, html = listed(client, collectivite=catalogue["region"], theme="jeunesse", pays="MA")
    assert slugs == {"tous-publics-tous-pays", "clos"}


def test_each_active_filter_can_be_removed_alone(client, catalogue):
    _slugs, html = listed(client, theme="jeunesse", pays="SN")
    assert "Thème\u00a0: Jeunesse et mobilité" in html
    assert 'href="?pays=SN">Thème\u00a0: Jeunesse et mobilité' in html
    assert 'href="?theme=jeunesse">Pays partenaire\u00a0: Sénégal' in html


def test_no_match_gives_a_french_message(client, catalogue):
    slugs, html = listed(client, collectivite=catalogue["region"], ouvert="1")
    assert slugs == set()
    assert "Aucun dispositif ne correspond à tous ces critères." in html


@pytest.mark.parametrize(
    "params",
    [{"theme": "zzz"}, {"ouvert": "banana"}, {"pays": "x" * 5000}, {"collectivite": "abc"},
     {"open": "1"}, {"collectivite": "999999"}, {"theme": "<script>"}],
)  # fmt: skip
def test_malformed_parameters_give_the_full_list_with_a_message(client, catalogue, params):
    response = client.get("/financements/", params)
    assert response.status_code == 200
    slugs, html = listed(client, **params)
    assert slugs == ALL
    assert "Certains critères n’ont pas été compris" in html
    assert "<script>" not in html.split("</head>")[1]


def test_a_valid_filter_still_applies_beside_a_malformed_one(client, catalogue):
    slugs, _html = listed(client, theme="eau-assainissement", ouvert="banana")
    assert slugs == {"regions-eau-maroc", "tous-publics-tous-pays"} | NO_THEME


def test_list_queries_do_not_grow_with_the_catalogue(client, settings, catalogue):
    settings.PAGE_CACHE_SECONDS = 0  # the cost of rendering, not of the cache

    def count():
        client.get("/financements/")  # warm: site settings come from the cache
        with CaptureQueriesContext(connection) as captured:
            client.get("/financements/", {"theme": "jeunesse"})
        return len(captured)

    few = count()
    youth = Theme.objects.get(slug="jeunesse")
    for index in range(40):
        scheme = make_scheme(
            f"Dispositif {index}", make_funder(f"Financeur {index}"), themes=[youth]
        )
        make_call(scheme, opens_in_days=-1, closes_in_days=index + 1)
    assert count() == few


def test_a_chosen_theme_and_country_are_kept_and_follow_an_edit(client, settings, catalogue):
    settings.PAGE_CACHE_SECONDS = 0  # every request renders the finder
    narrowed = {"tous-publics-tous-pays"} | NO_THEME
    assert listed(client, theme="eau-assainissement", pays="SN")[0] == narrowed
    with CaptureQueriesContext(connection) as queries:
        assert listed(client, theme="eau-assainissement", pays="SN")[0] == narrowed
    looked_up = [q["sql"] for q in queries if 'FROM "reference_' in q["sql"]]
    assert looked_up == [], "the chosen theme and country are kept"
    # Renamed by staff: its old address is no longer understood, its new one is, at once.
    water = Theme.objects.get(slug="eau-assainissement")
    water.slug = "eau"
    water.save()
    slugs, html = listed(client, theme="eau-assainissement")
    assert slugs == ALL and "Certains critères n’ont pas été compris" in html
    assert (
        listed(client, theme="eau")[0] == {"regions-eau-maroc", "tous-publics-tous-pays"} | NO_THEME
    )


def test_a_search_that_matches_nothing_says_so_in_words(client, catalogue):
    from funding.models import Scheme

    Scheme.objects.filter(themes__isnull=True).delete()  # they would match any theme
    slugs, html = listed(client, theme="sport")
    assert slugs == set()
    assert "Aucun dispositif ne correspond à votre recherche." in html
    assert "0 dispositif" not in html
