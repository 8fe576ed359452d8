"""The funding facts the audit of 2026-12-06 corrected, as a mayor reads them: the
Franco-Moroccan fund goes on with an announced call (N1), FACECO is the Centre de crise et de
soutien's fund without calls (N12), the waste lever cites one article (N13)."""

import pytest

from tests.helpers import page_text as page


@pytest.mark.django_db
def test_the_moroccan_fund_goes_on_with_its_announced_2026_2027_call(client, initial_content):
    html = page(client, "/financements/fonds-franco-marocain/")
    assert "a pris fin" not in html
    assert (
        "un second appel à projets biennal, 2026-2027, prévu pour le second semestre 2026" in html
    )
    assert "Second appel à projets biennal 2026-2027" in html
    assert "<strong>À venir</strong> — annoncé, ses dates ne sont pas encore publiées" in html
    assert 'href="https://www.lesiteinfo.com/economie/662071-' in html
    finder = page(client, "/financements/?pays=MA")
    assert "annoncé, ses dates ne sont pas encore publiées" in finder


@pytest.mark.django_db
def test_faceco_is_the_crisis_centres_fund_with_no_call_to_wait_for(client, initial_content):
    html = page(client, "/financements/faceco/")
    assert "Être alerté du prochain appel" not in html
    assert "Aucun appel n’est ouvert ou annoncé" not in html
    assert "Centre de crise et de soutien" in html
    # On the funders' page, FACECO comes under the crisis centre, not under the DCTCIV.
    support = page(client, "/dispositifs-d-appui/")
    before, crisis_centre = support.split("Centre de crise et de soutien (CDCS", 1)
    assert "FACECO" not in before
    assert "FACECO : fonds d’action extérieure" in crisis_centre.split("Agence française")[0]


@pytest.mark.django_db
def test_the_waste_lever_cites_one_article(client, initial_content):
    html = page(client, "/financements/1-pourcent-dechets/")
    assert "L1115-2" in html and "L1115-1-2" not in html


@pytest.mark.django_db
def test_each_source_is_its_own_item_and_the_link_goes_to_the_one_it_names(client, initial_content):
    import re

    html = page(client, "/financements/appel-a-projets-generaliste-dctciv/")
    sources = html.split("Source :")[1].split("</p>")[0]
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', sources)
    # resacoop.org's address goes around « resacoop.org, … » alone, not around every source.
    assert links == [(url, text) for url, text in links if "resacoop.org" in url]
    assert any(text.startswith("resacoop.org") for _url, text in links)
    assert "diplomatie.gouv.fr, « Appel à projets généraliste 2024-2026 »" in sources


@pytest.mark.django_db
@pytest.mark.parametrize(
    "slug", ["fonds-franco-marocain", "appels-thematiques-dctciv", "appel-franco-senegalais"]
)
def test_past_editions_read_without_nested_parentheses(client, initial_content, slug):
    import re

    archive = page(client, f"/financements/{slug}/").split('<ul class="archive">')[1]
    archive = re.sub(r"<[^>]+>", "", archive.split("</ul>")[0])
    assert not re.search(r"\([^()]*\([^()]*\)[^()]*\)", archive), archive


@pytest.mark.django_db
def test_the_editions_since_2024_a_source_dates_are_listed(client, initial_content):
    ficol = page(client, "/financements/ficol/")
    assert "FICOL 2023 : du 15 janvier 2023 au 8 septembre 2023" in ficol
    cerv = page(client, "/financements/cerv-jumelages-reseaux-de-villes/")
    assert "Réseaux de villes 2026 (CERV-2026-CITIZENS-TOWN-NT) : clos le 16 avril 2026" in cerv
    assert "Jumelage de villes 2025 (CERV-2025-CITIZENS-TOWN-TT) : du 9 avril 2025 au" in cerv
    assert "17 septembre 2025 à 17 h" in cerv
    assert (
        "Jumelage de villes 2026 (CERV-2026-CITIZENS-TOWN-TT) : clos le 23 septembre 2026" in cerv
    )
    volunteers = page(client, "/financements/territoires-volontaires/")
    assert "deux appels ont été lancés, en 2022 puis en 2023" in volunteers


@pytest.mark.django_db
def test_past_editions_speak_to_a_mayor_not_to_an_auditor(client, initial_content):
    """No « heure de clôture non précisée » after each edition (the date alone says it), and no
    ambiguous « minuit »."""
    from funding.models import Scheme

    for slug in Scheme.objects.values_list("slug", flat=True):
        html = page(client, f"/financements/{slug}/")
        assert "non précisée" not in html, slug
        assert "minuit," not in html and "minuit (" not in html, slug
    morocco = page(client, "/financements/fonds-franco-marocain/")
    assert "Clôture le 14 mars 2022 à 23 h 59, selon le communiqué du ministère." in morocco
