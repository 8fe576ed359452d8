"""The home page leads to the next step, a person to call is on every page where a mayor
decides, and the site map for people lists what the XML sitemap lists."""

import gzip
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from funding.models import Scheme
from tests.events.builders import make_event
from tests.helpers import fragment, squashed


@pytest.mark.django_db
def test_the_home_page_asks_the_finders_first_questions_and_says_when_nothing_is_announced(
    client, initial_content
):
    html = squashed(client.get("/").content.decode())
    form = html[html.index('<form class="finder quick-finder"') :]
    form = form[: form.index("</form>")]
    assert 'action="/financements/"' in form and 'method="get"' in form
    assert 'name="collectivite"' in form and 'name="theme"' in form
    assert 'name="pays"' not in form
    # No event and no open call in the initial content: an honest next step instead.
    assert "Aucun événement n’est annoncé pour l’instant." in html
    assert 'href="/agenda/calendrier.ics"' in html
    assert "Aucune date de clôture n’est annoncée pour l’instant" in html
    assert "Nizar Yaiche" in html and 'href="tel:' in html
    offices = fragment(html, '<p class="office-towns">', "</p>")
    assert ">Lille</a>" in offices and ">Amiens</a>" in offices
    contact = client.get("/contact/").content.decode()
    for target in re.findall(r'href="/contact/#([^"]+)"', offices):
        assert f'id="{target}"' in contact
    for anchor in ("comprendre", "financer", "accompagner", "rencontrer"):
        assert f'href="#{anchor}"' in html and f'id="{anchor}"' in html


@pytest.mark.django_db
def test_a_person_to_call_is_on_every_page_where_a_mayor_decides(client, initial_content):
    event = make_event()
    scheme = Scheme.objects.published().first()
    for path in [
        "/financements/", scheme.get_absolute_url(), "/financements/calendrier/",
        "/agenda/", event.get_absolute_url(), "/collectivites-engagees/",
    ]:  # fmt: skip
        html = client.get(path).content.decode()
        assert 'class="contact-card"' in html and "Nizar Yaiche" in html, path


@pytest.mark.django_db
def test_the_site_map_for_people_lists_every_address_of_the_xml_sitemap(client, initial_content):
    xml = client.get("/sitemap.xml").content.decode()
    locations = {
        re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>(.*?)</loc>", xml)
    }
    html = client.get("/plan-du-site/").content.decode()
    links = set(re.findall(r'<li><a href="([^"]+)">', html))
    assert locations <= links, locations - links
    assert "<h1>Plan du site</h1>" in html and ">Calendrier des clôtures</a>" in html


@pytest.mark.django_db
def test_the_home_page_weighs_under_50_kb_of_compressed_html_and_css(client, initial_content):
    html = client.get("/").content
    css = Path(finders.find("css/site.css")).read_bytes()
    weight = len(gzip.compress(html)) + len(gzip.compress(css))
    assert weight <= 50 * 1024, weight
    # No render-blocking script: JSON-LD data, and the deferred script that folds the long
    # lists on a phone (under 1 kB).
    scripts = re.findall(r"<script\b[^>]*>", html.decode())
    assert scripts == [
        '<script type="application/ld+json">',
        '<script src="/static/js/phone-fold.js" defer>',
    ], scripts
    assert len(Path(finders.find("js/phone-fold.js")).read_bytes()) < 1024


@pytest.mark.django_db
def test_a_long_page_lists_its_sections_and_each_link_reaches_its_heading(client, initial_content):
    from tests.pages.builders import make_page

    body = "".join(f"<h2>Étape {n} : préparer</h2><p>Texte {n}.</p>" for n in (1, 2, 2, 3))
    long_page = make_page("Guide pas à pas", body=body)
    short_page = make_page("Courte", body="<h2>Une seule partie</h2><p>Texte.</p>")

    html = squashed(client.get(long_page.get_absolute_url()).content.decode())
    toc = fragment(html, '<nav class="on-this-page"', "</nav>")
    targets = re.findall(r'href="#([^"]+)"', toc)
    assert len(targets) == 4 and len(set(targets)) == 4  # two equal headings, two ids
    for target in targets:
        assert f'<h2 id="{target}">' in html
    assert "Sur cette page" in toc and ">Étape 1 : préparer</a>" in toc
    short = client.get(short_page.get_absolute_url()).content.decode()
    assert "on-this-page" not in short and 'class="contact-card"' in short


@pytest.mark.django_db
def test_the_reasons_page_lists_the_eight_reasons_beside_the_text(client, initial_content):
    from pages.models import Page, Reason

    page = Page.objects.get(layout=Page.Layout.REASONS)
    html = client.get(page.get_absolute_url()).content.decode()
    toc = fragment(html, '<nav class="on-this-page"', "</nav>")
    for reason in Reason.objects.filter(is_published=True):
        assert f'href="#raison-{reason.pk}"' in toc and f'id="raison-{reason.pk}"' in html


@pytest.mark.django_db
def test_a_scheme_page_suggests_the_schemes_that_share_its_themes(client):
    from reference.models import Theme
    from tests.funding.builders import make_scheme

    water, youth, culture = (
        Theme.objects.create(name=f"Thème {n}", slug=f"theme-{n}") for n in ("eau", "ado", "art")
    )
    scheme = make_scheme("Fonds eau et jeunesse", themes=[water, youth])
    closest = make_scheme("Programme eau et jeunes", themes=[water, youth])
    other = make_scheme("Appel eau", themes=[water])
    make_scheme("Appel culture", themes=[culture])
    make_scheme("Brouillon eau", themes=[water], is_published=False)

    html = client.get(scheme.get_absolute_url()).content.decode()
    related = fragment(html, '<ul class="related">', "</ul>")
    assert related.index(closest.title) < related.index(other.title)
    assert "Appel culture" not in related and "Brouillon eau" not in related
    assert "Autres financements sur les mêmes thèmes" in html


@pytest.mark.django_db
def test_staff_set_a_banner_on_the_pages_of_the_apps_too(client, initial_content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from pages.models import Page
    from tests.images import image_bytes

    page = Page.objects.get(layout=Page.Layout.PARTNERS)
    page.image = SimpleUploadedFile("reseau.png", image_bytes((1200, 600)))
    page.image_alt = "Les membres du réseau réunis à Lille"
    page.save()
    html = squashed(client.get("/partenaires/").content.decode())
    banner = fragment(html, "<picture>", "</picture>")
    assert 'alt="Les membres du réseau réunis à Lille"' in banner
    assert 'loading="eager"' in banner and 'type="image/webp"' in banner
    assert html.index("<h1>") < html.index("<picture>") < html.index('class="partner-grid"')
