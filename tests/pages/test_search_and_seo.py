import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.pages.builders import make_page


@pytest.mark.django_db
def test_search_ignores_case_and_accents(client, initial_content):
    html = client.get("/recherche/", {"q": "developpement durable"}).content.decode()
    assert "deviennent un des piliers du développement durable mondial" in html
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
    assert "Aucun résultat pour «\u00a0zanzibar\u00a0»" in html


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
def test_what_a_visitor_types_is_words_never_search_syntax(client, initial_content):
    """Each word begins a word of the text; quotes, stars, OR, NOT, NEAR, % and _ are not
    operators of the database's search engine."""
    make_page("Page Zanzibar", body="<p>Zanzibar et Pemba</p>")
    for query in ("pemba zanzibar", "zanzi pem", "Pemba, Zanzibar !", '"zanzibar'):
        assert "Page Zanzibar" in client.get("/recherche/", {"q": query}).content.decode(), query
    for query in ("pemba OR absent", "absent | pemba", "zanzi_ar", "zanz%bar", "NEAR(pemba)x"):
        response = client.get("/recherche/", {"q": query})
        assert response.status_code == 200
        assert "Page Zanzibar" not in response.content.decode(), query


@pytest.mark.django_db
def test_sqlite_search_reads_its_full_text_index_kept_in_step_with_every_write(
    client, initial_content, settings
):
    from aict_site import fulltext
    from aict_site.search import matching
    from pages.models import Page

    if connection.vendor != "sqlite":
        pytest.skip("FTS5 is SQLite's")
    settings.PAGE_CACHE_SECONDS = 0  # writes below bypass save(), and so the cache's version
    assert "VIRTUAL TABLE INDEX" in matching(Page.objects.all(), "zanzibar").explain()

    def found(query):
        return "Escale" in client.get("/recherche/", {"q": query}).content.decode()

    page = make_page("Escale", body="<p>Zanzibar</p>")
    assert found("zanzibar")
    Page.objects.filter(pk=page.pk).update(search_text="escale kaolack")  # no save(): a trigger
    assert found("kaolack") and not found("zanzibar")
    # A migration that rebuilds the table drops its triggers: migrate makes them again.
    with connection.cursor() as cursor:
        cursor.execute('DROP TRIGGER "pages_page_fts_update"')
    Page.objects.filter(pk=page.pk).update(search_text="escale pemba")
    fulltext.ensure()
    assert found("pemba") and not found("kaolack")
    Page.objects.filter(pk=page.pk).update(search_text="escale unguja")
    assert found("unguja")
    page.delete()
    assert not found("unguja")


@pytest.mark.django_db
def test_sitemap_lists_published_pages_only_and_robots_points_to_it(client, initial_content):
    make_page("Brouillon", is_published=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/</loc>" in xml
    assert "<loc>http://testserver/types-d-actions/</loc>" in xml
    assert "<loc>http://testserver/accessibilite/</loc>" in xml
    assert "brouillon" not in xml
    # Each app's fixed pages, by name (aict_site.sitemaps.named_pages).
    for name in (
        "funding:scheme-list", "funding:calendar", "events:upcoming", "events:archive",
        "directory:authority-list",
    ):  # fmt: skip
        assert f"<loc>http://testserver{reverse(name)}</loc>" in xml, name
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


@pytest.mark.django_db
def test_results_from_every_kind_are_counted_and_the_shown_ones_complete(client, initial_content):
    from tests.funding.builders import make_funder, make_scheme

    for index in range(35):
        make_page(f"Page Zanzibar {index}", body=f"<p>Texte {index} sur Zanzibar.</p>")
    funder = make_funder("Fonds de test")
    for index in range(5):
        make_scheme(f"Dispositif Zanzibar {index}", funder, summary="Pour Zanzibar.")
    html = client.get("/recherche/", {"q": "zanzibar"}).content.decode()
    assert "40 résultats" in html
    result = r'<h2><a href="(/[^"]+)">([^<]+)</a></h2>\s*<p class="result-kind">[^<]+</p>'
    shown = re.findall(result + r"\s*<p>([^<]+)</p>", html)
    assert len(shown) == 30
    assert all("Zanzibar" in title and "Zanzibar" in passage for _url, title, passage in shown)


@pytest.mark.django_db
def test_search_queries_do_not_grow_with_the_matches(client, initial_content):
    def count():
        with CaptureQueriesContext(connection) as captured:
            client.get("/recherche/", {"q": "zanzibar"})
        return len(captured)

    make_page("Zanzibar", body="<p>Zanzibar</p>")
    few = count()
    for index in range(60):
        make_page(f"Zanzibar {index}", body="<p>Zanzibar</p>")
    assert count() <= few + 1  # the count of all matches, once there are more than are shown


@pytest.mark.django_db
def test_postgresql_search_uses_its_full_text_index(initial_content):
    from aict_site.search import matching
    from pages.models import Page

    if connection.vendor != "postgresql":
        pytest.skip("full-text indexes are PostgreSQL's")
    queryset = matching(Page.objects.all(), "developpement durable")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a few rows: force the planner's hand
        plan = queryset.explain()
    assert "pages_page_search_vector" in plan


@pytest.mark.django_db
def test_an_edited_text_is_found_by_its_new_words(client, initial_content):
    page = make_page("Une page qui change", body="<p>Rien de particulier.</p>")
    assert "Aucun résultat" in client.get("/recherche/", {"q": "zanzibar"}).content.decode()
    page.body = "<p>Désormais jumelée avec Zanzibar.</p>"
    page.save()
    assert "Une page qui change" in client.get("/recherche/", {"q": "zanzibar"}).content.decode()


@pytest.mark.django_db
def test_words_in_separate_blocks_are_found_one_by_one(client, initial_content):
    make_page("Nos jumelages", body="<ul><li>Jumelage</li><li>Zanzibar</li></ul><p>Fin<br>Note</p>")
    html = client.get("/recherche/", {"q": "zanzibar note"}).content.decode()
    assert "Nos jumelages" in html
    assert "Jumelage Zanzibar Fin Note" in html  # the passage, words apart as on the page


@pytest.mark.django_db
def test_search_finds_offices_by_town_people_by_name_and_authorities_by_partner(
    client, initial_content
):
    from directory.models import Authority, Cooperation
    from reference.models import Country

    def results(query):
        html = client.get("/recherche/", {"q": query}).content.decode()
        return re.findall(
            r'<a href="([^"]+)">([^<]+)</a>\s*</h2>\s*<p class="result-kind">([^<]+)', html
        )

    amiens = results("amiens")
    assert any(
        url.startswith("/contact/#bureau-") and kind == "Bureau du réseau"
        for url, _t, kind in amiens
    )
    nizar = results("Nizar")
    assert ("/contact/", "Nizar Yaiche", "Personne à contacter") in nizar

    lille = Authority.objects.get(name="Ville de Lille")
    Cooperation.objects.create(
        authority=lille,
        partner_name="Saint-Louis-du-Sénégal",
        country=Country.objects.get(code="SN"),
    )
    for query in ("saint louis", "senegal"):
        assert any(title == "Ville de Lille" for _u, title, _k in results(query)), query
    lille.cooperations.get(partner_name="Saint-Louis-du-Sénégal").delete()
    assert not any(title == "Ville de Lille" for _u, title, _k in results("saint louis"))
