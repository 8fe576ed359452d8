import pytest

from tests.pages.builders import make_page


@pytest.mark.django_db
def test_search_ignores_case_and_accents(client, initial_content):
    html = client.get("/recherche/", {"q": "developpement durable"}).content.decode()
    assert "deviennent un des piliers du Développement Durable mondial" in html
    assert "Apportez votre contribution au développement durable." in html
    assert 'href="/nouvelles-modalites-de-cooperation/#raison-' in html


@pytest.mark.django_db
def test_search_finds_items_and_shows_the_matching_passage(client, initial_content):
    html = client.get("/recherche/", {"q": "réfugiés"}).content.decode()
    assert "L’aide aux réfugiés et aux déplacés" in html
    assert 'href="/types-d-actions/#action-' in html


@pytest.mark.django_db
def test_search_never_shows_drafts(client, initial_content):
    make_page("Projet confidentiel", body="<p>Zanzibar</p>", is_published=False)
    html = client.get("/recherche/", {"q": "zanzibar"}).content.decode()
    assert "Projet confidentiel" not in html
    assert "Aucun résultat pour « zanzibar »" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["", "   ", "a", "x" * 5000, "'; DROP TABLE pages_page; --", "<script>"]
)
def test_search_handles_empty_odd_or_hostile_queries(client, initial_content, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html.split("</head>")[1]
    if not query.strip() or len(query.strip()) < 2:
        assert "Saisissez un ou plusieurs mots à rechercher." in html


@pytest.mark.django_db
def test_sitemap_lists_published_pages_only_and_robots_points_to_it(client, initial_content):
    make_page("Brouillon", is_published=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/</loc>" in xml
    assert "<loc>http://testserver/types-d-actions/</loc>" in xml
    assert "<loc>http://testserver/accessibilite/</loc>" in xml
    assert "brouillon" not in xml
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()


@pytest.mark.django_db
def test_seo_fields_override_title_and_description(client):
    make_page(
        "Titre long de la page",
        seo_title="Titre court",
        meta_description="Une description écrite pour les moteurs de recherche, assez longue.",
    )
    html = client.get("/titre-long-de-la-page/").content.decode()
    assert "<title>Titre court – Lianes coopération</title>" in html
    assert 'content="Une description écrite pour les moteurs de recherche, assez longue."' in html


@pytest.mark.django_db
def test_many_results_are_capped_with_a_message(client, initial_content):
    for index in range(40):
        make_page(f"Coopération numéro {index}", body="<p>Zanzibar partenaire</p>")
    html = client.get("/recherche/", {"q": "zanzibar"}).content.decode()
    assert "40 résultats" in html
    assert "Seuls les 30 résultats les plus pertinents sont affichés" in html
    assert html.count('<p class="result-kind">') == 30
