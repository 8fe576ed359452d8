"""The resource library: uploads checked by their content, files served with their type and
a readable name, the list and its filters, the scheme page, the search, the first content."""

import re
from pathlib import PurePath

import pytest
from django.test import Client
from django.urls import reverse

from aict_site.templatetags.french import weight
from funding.models import Scheme
from reference.models import Theme
from resources.models import Resource
from tests.images import image_bytes
from tests.resources.builders import (
    docm_bytes,
    docx_bytes,
    make_resource,
    odt_bytes,
    pdf_bytes,
    upload,
)


def add_resource(client, **fields):
    data = {
        "title": "Règlement de l’appel",
        "slug": "reglement-de-lappel",
        "kind": "reglement",
        "description": "Le règlement officiel.",
        "url": "",
        "language": "fr",
        "date": "",
        "is_published": "on",
    }
    data.update(fields)
    return client.post(reverse("admin:resources_resource_add"), data)


def form_errors(response):
    assert response.status_code == 200, "the form should come back with its errors"
    return " ".join(str(e) for e in response.context["adminform"].form.errors.values())


@pytest.mark.django_db
def test_a_pdf_name_with_png_content_is_refused_in_french(staff_client):
    response = add_resource(staff_client, file=upload("reglement.pdf", image_bytes((200, 100))))
    assert "n’est pas un document accepté" in form_errors(response)
    assert not Resource.objects.exists()


@pytest.mark.django_db
def test_an_oversized_file_gets_the_french_message(staff_client):
    heavy = pdf_bytes(padding=21 * 1024 * 1024)
    response = add_resource(staff_client, file=upload("rapport.pdf", heavy))
    errors = form_errors(response)
    assert "plus que les 20 Mo acceptés" in errors and "21,0 Mo" in errors
    assert not Resource.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("modele.docx", docm_bytes(), "sans macros"),
        ("modele.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "n’est pas un document"),
        ("coupe.pdf", pdf_bytes()[:60], "n’est pas un document accepté"),
        ("archive.odt", b"PK\x03\x04 pas une archive", "n’est pas un document accepté"),
        ("convention.pdf", odt_bytes(), "renommez-le en .odt"),
        ("reglement.odt", pdf_bytes(), "renommez-le en .pdf"),
    ],
)
def test_other_documents_are_refused_by_their_content(staff_client, name, content, message):
    assert message in form_errors(add_resource(staff_client, file=upload(name, content)))


@pytest.mark.django_db
def test_a_file_or_a_link_not_both_nor_neither(staff_client):
    neither = add_resource(staff_client)
    assert "Donnez un fichier ou un lien, pas les deux." in str(neither.context["errors"])
    both = add_resource(
        staff_client, url="https://example.org/r.pdf", file=upload("r.pdf", pdf_bytes())
    )
    assert "Donnez un fichier ou un lien, pas les deux." in str(both.context["errors"])
    assert not Resource.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "mime_type", "label"),
    [
        ("Règlement FICOL 2025.pdf", pdf_bytes(), "application/pdf", "PDF"),
        ("convention.odt", odt_bytes(), "application/vnd.oasis.opendocument.text",
         "texte OpenDocument"),
        (
            "modele.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Word",
        ),
    ],
)  # fmt: skip
def test_an_accepted_file_is_stored_under_a_safe_name_and_served_with_its_type(
    staff_client, name, content, mime_type, label
):
    response = add_resource(staff_client, file=upload(name, content))
    assert response.status_code == 302, form_errors(response)
    resource = Resource.objects.get()
    stored = PurePath(resource.file.name)
    assert stored.parent.name == "resources" and re.fullmatch(r"[0-9a-f]{32}", stored.stem)
    assert name not in resource.file.name
    visitor = Client()
    page = visitor.get(resource.get_absolute_url()).content.decode()
    # The format and weight in the link, as the RGAA asks.
    assert f"({label}, {weight(len(content))})" in page
    served = visitor.get(resource.download_url)
    assert served.status_code == 200
    assert served["Content-Type"] == mime_type
    extension = stored.suffix
    assert served["Content-Disposition"] == f'attachment; filename="reglement-de-lappel{extension}"'
    assert "max-age=31536000" in served["Cache-Control"]
    assert b"".join(served.streaming_content) == content


@pytest.mark.django_db
def test_a_drafts_page_and_file_are_404_to_visitors(client):
    resource = make_resource(is_published=False)
    assert client.get(resource.get_absolute_url()).status_code == 404
    assert client.get(resource.download_url).status_code == 404
    # A guessed or stale address is a 404 too.
    published = make_resource("Publiée")
    stale = published.download_url.replace(PurePath(published.file.name).stem, "0" * 32)
    assert client.get(stale).status_code == 404


@pytest.mark.django_db
def test_the_list_filters_by_kind_and_theme_and_shows_format_and_size(client, initial_content):
    water = Theme.objects.get(slug="eau-assainissement")
    guide = make_resource("Guide de l’eau", kind=Resource.Kind.GUIDE)
    guide.themes.add(water)
    make_resource("Modèle de convention", kind=Resource.Kind.AGREEMENT)
    make_resource("Vidéo du webinaire", kind=Resource.Kind.VIDEO, url="https://video.example.org/w")
    everything = client.get("/ressources/").content.decode()
    assert all(t in everything for t in ("Guide de l’eau", "Modèle de convention", "Vidéo"))
    assert "(PDF, " in everything and "sur le site de son éditeur" in everything
    guides = client.get("/ressources/?type=guide").content.decode()
    assert "Guide de l’eau" in guides and "Modèle de convention" not in guides
    on_water = client.get("/ressources/?theme=eau-assainissement").content.decode()
    assert "Guide de l’eau" in on_water and "Vidéo du webinaire" not in on_water
    assert client.get("/ressources/?type=inconnu&theme=inconnu").status_code == 200


@pytest.mark.django_db
def test_a_scheme_page_lists_its_resources_and_search_finds_them(client, initial_content):
    scheme = Scheme.objects.get(slug="ficol")
    resource = make_resource(
        "Règlement FICOL 2025", description="Conditions de l’appel pour les intercommunalités."
    )
    resource.schemes.add(scheme)
    page = client.get(scheme.get_absolute_url()).content.decode()
    assert "Règlement FICOL 2025" in page and resource.download_url in page
    results = client.get("/recherche/?q=intercommunalites+appel").content.decode()
    assert "Règlement FICOL 2025" in results and "Ressource" in results
    assert resource.get_absolute_url() in client.get("/sitemap.xml").content.decode()


def test_weights_read_as_french_writes_them():
    assert weight(850) == "850\u00a0octets"
    assert weight(35_800) == "35,8\u00a0Ko"
    assert weight(1_234_567) == "1,2\u00a0Mo"


@pytest.mark.django_db
def test_the_first_resources_are_links_the_schemes_already_cite(initial_content):
    """Nothing invented: each first resource links to a page its scheme cites as a source,
    official page or call link."""
    resources = Resource.objects.prefetch_related("schemes__calls")
    assert resources.count() == 3
    for resource in resources:
        assert not resource.file and resource.url.startswith("https://")
        (scheme,) = resource.schemes.all()
        cited = {scheme.official_url, scheme.source_url, *(c.url for c in scheme.calls.all())}
        assert resource.url in cited, resource.title


@pytest.mark.django_db
def test_two_events_of_the_same_title_each_list_their_own_documents(client, initial_content):
    """Their blocks are kept per record, not per title (a cached fragment's key)."""
    from tests.events.builders import make_event

    lille = make_event("Rencontre", slug="rencontre-lille")
    amiens = make_event("Rencontre", slug="rencontre-amiens")
    make_resource("Présentation de Lille").events.add(lille)
    make_resource("Présentation d’Amiens").events.add(amiens)
    lille_page = client.get(lille.get_absolute_url()).content.decode()
    amiens_page = client.get(amiens.get_absolute_url()).content.decode()
    assert "Présentation de Lille" in lille_page and "Présentation d’Amiens" not in lille_page
    assert "Présentation d’Amiens" in amiens_page and "Présentation de Lille" not in amiens_page
