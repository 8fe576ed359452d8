"""The home page leads to the next step, a person to call is on every page where a mayor
decides, and the site map for people lists what the XML sitemap lists."""

import gzip
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from funding.models import Scheme
from tests.events.builders import make_event
from tests.helpers import squashed


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
    # No render-blocking script: the only script is JSON-LD data.
    scripts = re.findall(r"<script\b[^>]*>", html.decode())
    assert scripts == ['<script type="application/ld+json">'], scripts
