"""The funding content a fresh site starts with: complete, sourced, and never invented."""

import pytest
from django.utils import timezone

from funding.models import Call, Scheme


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
def test_the_client_copy_about_funding_is_shown_as_written(client, initial_content):
    html = client.get("/dispositifs-d-appui/").content.decode()
    assert "La FICOL intervient pour des projets pluriannuels d’ampleur" in html
    assert "tels Erasmus + ou le Corps Européen de Solidarité" in html
    assert "Fonds Franco-Marocain, Franco-Libanais, Franco-Sénégalais" in html
    assert 'href="/financements/ficol/"' in html


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
