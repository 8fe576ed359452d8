"""The funding content a fresh site starts with: complete, sourced, and never invented."""

import pytest
from django.utils import timezone

from funding.models import Call, Scheme
from tests.helpers import squashed


@pytest.mark.django_db
def test_the_ministry_is_found_by_its_old_and_new_names(client, initial_content):
    for query in ("DAECT", "DCTCIV", "daect"):
        html = client.get("/recherche/", {"q": query}).content.decode()
        assert "Appel à projets généraliste de soutien à la coopération décentralisée" in html, (
            query
        )
        assert "Fonds franco-marocain de coopération décentralisée" in html, query


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [("Erasmus", "Erasmus+ pour les collectivités"), ("jeunesse", "Appels à projets thématiques"),
     ("FICOL", "FICOL — Facilité de financement"), ("Oudin", "Loi Oudin-Santini")],
)  # fmt: skip
def test_search_finds_funding(client, initial_content, query, expected):
    assert expected in client.get("/recherche/", {"q": query}).content.decode()


@pytest.mark.django_db
def test_every_scheme_family_is_there_with_its_source(initial_content):
    titles = set(Scheme.objects.published().values_list("title", flat=True))
    for fragment in ("franco-marocain", "franco-libanais", "franco-sénégalais", "franco-québécois",
                     "franco-mexicain", "FICOL", "Erasmus+", "Corps européen de solidarité",
                     "NDICI", "1 % eau", "1 % énergie", "1 % déchets", "1 % mobilité"):  # fmt: skip
        assert any(fragment in title for title in titles), fragment
    assert Scheme.objects.filter(kind="legal").count() == 4
    assert not Scheme.objects.filter(source="").exists()
    assert not Call.objects.filter(scheme__kind="legal").exists()


@pytest.mark.django_db
def test_no_invented_figures_and_past_editions_are_closed(initial_content):
    with_amount = Scheme.objects.exclude(amount_min=None, amount_max=None)
    assert [(s.slug, s.amount_max) for s in with_amount] == [("fonds-franco-quebecois", 16000)]
    assert not Scheme.objects.exclude(max_rate=None).exists()
    assert not Call.objects.filter(closes_at__gte=timezone.now()).exists()
    assert Call.objects.get(title="FICOL 2024").closes_at.date().isoformat() == "2024-09-13"


@pytest.mark.django_db
def test_the_client_copy_about_funding_is_shown_corrected_and_true_today(client, initial_content):
    html = squashed(client.get("/dispositifs-d-appui/").content.decode())
    assert "La FICOL intervient pour des projets pluriannuels d’ampleur" in html
    assert "tels Erasmus+ ou le Corps européen de solidarité, soutiennent" in html
    assert "fonds franco-marocain, franco-libanais, franco-sénégalais" in html
    assert 'href="/financements/ficol/"' in html
    # The DAECT was a délégation, and is the DCTCIV since 29 December 2023.
    assert (
        "La Délégation pour les collectivités territoriales et la société civile (DCTCIV, ex-DAECT)"
        in html
    )
    assert "est une des directions" not in html and "Villes Durables" not in html
    assert "ses appels de 2024 et 2025 sont publiés sous ce nom" not in html
    assert "beaucoup de petites collectivités ignorent" not in html


@pytest.mark.django_db
def test_every_scheme_shows_a_verified_date_and_an_official_page_or_says_it_has_none(
    client, initial_content
):
    for scheme in Scheme.objects.published():
        assert scheme.verified_on, scheme.slug
        html = squashed(client.get(scheme.get_absolute_url()).content.decode())
        assert "informations vérifiées le" in html, scheme.slug
        if scheme.official_url:
            assert f'<a class="more" href="{scheme.official_url}">Page officielle' in html
        else:
            assert "Page officielle non disponible." in html, scheme.slug
        # The ministry's home page is no scheme's precise page.
        assert scheme.official_url != "https://www.diplomatie.gouv.fr/", scheme.slug
        assert scheme.source_url != "https://www.diplomatie.gouv.fr/", scheme.slug
        assert "(DCTCIV (ex-DAECT))" not in html


@pytest.mark.django_db
def test_each_scheme_names_whom_it_is_for(client, initial_content):
    def types(slug):
        return set(
            Scheme.objects.get(slug=slug).eligible_authority_types.values_list("name", flat=True)
        )

    assert types("appel-cles-en-main-dctciv") == {"Association ou GIP de collectivités"}
    assert "Association ou GIP de collectivités" in types("ficol")
    for slug in ("1-pourcent-eau-assainissement", "1-pourcent-energie", "1-pourcent-dechets"):
        assert types(slug) == {"Commune", "Intercommunalité", "Syndicat mixte"}, slug
    assert "Autorité organisatrice de la mobilité" in types("1-pourcent-mobilite")
    for slug in ("1-pourcent-eau-assainissement", "1-pourcent-mobilite"):
        html = client.get(f"/financements/{slug}/").content.decode()
        assert "vérifiez auprès du financeur" not in html
    cles = squashed(client.get("/financements/appel-cles-en-main-dctciv/").content.decode())
    assert "le dossier ne se dépose pas sur cncd.fr" in cles


@pytest.mark.django_db
def test_the_schemes_small_authorities_use_are_there_with_their_sources(initial_content):
    for slug, source in [
        ("cerv-jumelages-reseaux-de-villes", "euro-access.eu"),
        ("fonds-citoyen-franco-allemand", "fondscitoyen.eu"),
        ("faceco", "diplomatie.gouv.fr"),
        ("territoires-volontaires", "france-volontaires.org"),
    ]:
        scheme = Scheme.objects.get(slug=slug)
        assert scheme.is_published and source in scheme.source, slug
    ix = Call.objects.get(title="Appel Jeunesse IX")
    assert timezone.localtime(ix.closes_at).date().isoformat() == "2023-02-26"


@pytest.mark.django_db
def test_a_renamed_funder_is_found_by_its_new_name_also_mixed_with_a_schemes_words(
    client, initial_content
):
    from funding.models import Funder

    scheme = Scheme.objects.get(title__startswith="Fonds franco-marocain")
    funder = scheme.funder
    funder.name = "Ministère des Partenariats Nouveaux"
    funder.save()
    html = client.get("/recherche/", {"q": "partenariats nouveaux"}).content.decode()
    assert "Fonds franco-marocain de coopération décentralisée" in html
    html = client.get("/recherche/", {"q": "DAECT marocain"}).content.decode()
    assert "Fonds franco-marocain de coopération décentralisée" in html
    assert Funder.objects.get(pk=funder.pk).schemes.count() >= 1
