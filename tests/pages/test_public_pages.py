"""Every editorial page shows the client's text, with its title, description and landmarks."""

import json
import re

import pytest

from pages.models import MenuEntry, Page, Reason
from tests.helpers import Outline, squashed
from tests.pages.builders import make_page

PAGES = {
    "/": "Par leur capacité à appréhender des enjeux très locaux",
    "/pourquoi-engager-sa-collectivite/": "une des dernières compétences partagées",
    "/types-d-actions/": "L’aide aux réfugiés et aux déplacés",
    "/nouvelles-modalites-de-cooperation/": "Décloisonnez le travail de vos équipes.",
    "/dispositifs-d-appui/": "un ensemble de solutions de co-financements",
    "/lianes-cooperation/": "Le réseau fédère l’ensemble des acteurs",
    "/mentions-legales/": "Propriété intellectuelle",
    "/donnees-personnelles/": "CNIL",
    "/accessibilite/": "Défenseur des droits",
}


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "text"), PAGES.items())
def test_page_shows_its_text_with_one_h1_title_and_description(client, initial_content, url, text):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert text in html
    outline = Outline(html)
    assert outline.levels.count(1) == 1
    assert outline.levels[0] == 1
    for previous, level in zip(outline.levels, outline.levels[1:], strict=False):
        assert level <= previous + 1, outline.headings
    assert outline.title.endswith("Lianes coopération")
    assert len(outline.meta["description"]) >= 50
    assert outline.link("canonical")["href"] == f"http://testserver{url}"
    assert outline.meta["og:title"]
    assert '<main id="main"' in html and 'href="#main"' in html
    assert "<nav" in html and "<footer" in html


@pytest.mark.django_db
def test_titles_are_unique(client, initial_content):
    titles = [Outline(client.get(url).content.decode()).title for url in PAGES]
    assert len(set(titles)) == len(titles)


@pytest.mark.django_db
def test_reasons_are_numbered_in_staff_order(client, initial_content):
    Reason.objects.filter(position=8).update(position=0)
    html = client.get("/nouvelles-modalites-de-cooperation/").content.decode()
    titles = re.findall(r'<li id="raison-\d+">\s*<h2>(.*?)</h2>', html)
    assert len(titles) == 8
    assert titles[0] == "Développez votre expertise, formez vos équipes."
    assert '<ol class="reasons">' in html


@pytest.mark.django_db
def test_hidden_action_disappears(client, initial_content):
    from pages.models import Action

    action = Action.objects.get(position=2)
    assert "L’aide aux réfugiés" in client.get("/types-d-actions/").content.decode()
    action.is_published = False
    action.save()
    assert "L’aide aux réfugiés" not in client.get("/types-d-actions/").content.decode()


@pytest.mark.django_db
def test_home_shows_intro_reasons_actions_and_contact(client, initial_content):
    html = client.get("/").content.decode()
    assert "Depuis plusieurs années, les autorités locales" in html
    assert 'href="/nouvelles-modalites-de-cooperation/#raison-' in html
    assert "L’appui à l’accueil des étudiants étrangers" in html
    assert "Nizar Yaiche" in html
    assert 'href="tel:+33778590188"' in html
    assert 'href="mailto:n.yaiche@lianescooperation.org"' in html


@pytest.mark.django_db
def test_home_degrades_to_nothing_on_an_empty_database(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "<h1" in response.content.decode()


@pytest.mark.django_db
def test_menu_is_built_from_the_sections_staff_edit(client, initial_content):
    html = client.get("/").content.decode()
    nav = html[html.index('<nav id="menu" class="main-nav"') : html.index("</nav>")]
    # A page entry reads as the page's short title in the menu.
    assert ">Pourquoi s’engager</a>" in nav and "Mentions légales" not in nav
    assert 'href="/lianes-cooperation/"' in nav
    MenuEntry.objects.filter(page__slug="lianes-cooperation").delete()
    make_page("Nouvelle rubrique", in_menu=True, position=9)
    html = client.get("/").content.decode()
    nav = html[html.index('<nav id="menu" class="main-nav"') : html.index("</nav>")]
    assert 'href="/lianes-cooperation/"' not in nav
    assert 'href="/nouvelle-rubrique/"' in nav


@pytest.mark.django_db
def test_footer_has_offices_legal_links_site_map_and_accessibility_status(client, initial_content):
    html = client.get("/").content.decode()
    footer = html[html.index("<footer") :]
    assert "5 rue Jules de Vicq" in footer and "6 rue des Hautes Cornes" in footer
    # The partners moved to the home page and their own page; the offices are said once.
    assert "Fondation Norsys" not in footer and "Fondation Norsys" in html
    assert html.count("6 rue des Hautes Cornes") == 1
    assert 'href="/plan-du-site/"' in footer and "Plan du site (XML)" not in footer
    assert 'href="/mentions-legales/"' in footer and 'href="/donnees-personnelles/"' in footer
    assert "Accessibilité</a> : non conforme" in squashed(footer)


@pytest.mark.django_db
def test_structured_data_organization_on_home_breadcrumbs_elsewhere(client, initial_content):
    def blocks(url):
        html = client.get(url).content.decode()
        found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        return [json.loads(block) for block in found]

    assert blocks("/")[0]["@type"] == "Organization"
    breadcrumb = blocks("/types-d-actions/")[0]
    assert breadcrumb["@type"] == "BreadcrumbList"
    assert [item["name"] for item in breadcrumb["itemListElement"]] == [
        "Accueil",
        "Quels types d’actions sont concernés ?",
    ]


@pytest.mark.django_db
def test_breadcrumbs_follow_the_parent_page(client, initial_content):
    parent = Page.objects.get(slug="lianes-cooperation")
    make_page("Nos membres", parent=parent)
    html = client.get("/nos-membres/").content.decode()
    trail = html[html.index('aria-label="Fil d’Ariane"') :]
    assert trail.index("Accueil") < trail.index("Lianes coopération") < trail.index("Nos membres")


@pytest.mark.django_db
def test_privacy_page_lists_what_is_collected_how_long_and_where_to_write(
    client, initial_content, settings
):
    settings.VISITOR_DATA_RETENTION_DAYS = 730
    html = squashed(client.get("/donnees-personnelles/").content.decode())
    assert "inscriptions aux événements sont conservées 2 ans" in html
    assert "son département si vous les indiquez" in html
    assert "L’inscription à un événement recueille votre nom" in html
    assert "l’avis qu’une place s’est libérée pour vous : à rien d’autre" in html
    assert "voir les mentions légales" not in html
    assert '<a href="mailto:n.yaiche@lianescooperation.org">' in html
    assert "5 rue Jules de Vicq<br>59000 Lille" in html


@pytest.mark.django_db
def test_legal_notice_shows_what_is_known_and_hides_what_is_not(client, initial_content):
    from pages.models import SiteSettings

    html = squashed(client.get("/mentions-legales/").content.decode())
    assert "Lianes coopération" in html and "5 rue Jules de Vicq<br>59000 Lille" in html
    assert "mailto:n.yaiche@lianescooperation.org" in html
    assert "Hébergement" not in html and "Direction de la publication" not in html
    record = SiteSettings.load()
    record.host_name = "Hébergeur Exemple SAS"
    record.save()
    html = client.get("/mentions-legales/").content.decode()
    assert "Hébergement" in html and "Hébergeur Exemple SAS" in html


@pytest.mark.django_db
def test_accessibility_statement_is_dated_and_says_how_to_report_a_problem(client, initial_content):
    html = squashed(client.get("/accessibilite/").content.decode())
    assert "Cette déclaration a été établie le 28 novembre 2026." in html
    assert '<a href="/contact/?objet=accessibilite">formulaire de contact</a>' in html
    assert "mailto:n.yaiche@lianescooperation.org" in html
    form = client.get("/contact/?objet=accessibilite").content.decode()
    assert re.search(r'<option value="\d+" selected>Signaler un problème d’accessibilité', form)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "section"),
    [
        ("/agenda/", "Actualités"),
        ("/financements/calendrier/", "Financer"),
        ("/contact/", "Le réseau"),
    ],
)
def test_a_page_marks_one_menu_section_as_current(client, initial_content, url, section):
    import re

    nav = client.get(url).content.decode().split('id="menu"')[1].split("</nav>")[0]
    assert re.findall(r"is-current[^>]*>([^<]*)<", nav) == [section]
    assert nav.count(f'href="{url}"') == 1
