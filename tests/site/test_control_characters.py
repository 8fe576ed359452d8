"""Characters staff paste without seeing them (a vertical tab, Word's manual line break; a
form feed; a line break in a title; a bidirectional override) never break a feed or a
calendar file: each is written as XML and iCalendar allow, or left out."""

import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from icalendar import Calendar

from aict_site.controls import multi_line, single_line
from tests.events.builders import make_event
from tests.funding.builders import make_call, make_scheme
from tests.news.builders import make_news

PASTED = {
    "vertical tab": "\x0b",
    "form feed": "\x0c",
    "start of heading": "\x01",
    "line break": "\n",
    "Windows line break": "\r\n",
    "line separator": "\u2028",
    "right-to-left override": "\u202e",
}


def test_text_keeps_its_lines_where_it_may_and_loses_every_control():
    assert multi_line("Ligne un\x0bLigne deux\r\nfin\x01\u202e") == "Ligne un\nLigne deux\nfin"
    assert single_line("Atelier\nsur deux\x0blignes\u202e ") == "Atelier sur deux lignes"


@pytest.mark.django_db
@pytest.mark.parametrize("char", PASTED.values(), ids=PASTED.keys())
def test_feeds_and_calendars_stay_valid_whatever_staff_pasted(char):
    make_news(title=f"Sélection{char}2025", slug="selection", summary=f"Résumé{char}suite")
    event = make_event(f"Atelier{char}FICOL", summary=f"Présentation{char}des appels")
    scheme = make_scheme(f"Fonds{char}test", summary=f"Un{char}résumé")
    make_call(scheme, f"Édition{char}2026", opens_in_days=-1, closes_in_days=10)
    client = Client(raise_request_exception=False)
    for feed in ("/actualites/flux/", "/financements/flux/"):
        response = client.get(feed)
        assert response.status_code == 200, feed
        ET.fromstring(response.content)  # well-formed XML
    for ics in (f"{event.get_absolute_url()}agenda.ics", "/agenda/calendrier.ics",
                "/financements/calendrier.ics"):  # fmt: skip
        response = client.get(ics)
        assert response.status_code == 200, ics
        for item in Calendar.from_ical(response.content).walk("VEVENT"):
            summary = str(item["SUMMARY"])
            assert summary == single_line(summary), summary


@pytest.mark.django_db
def test_staff_text_is_cleaned_at_the_door_of_the_admin(staff_client, initial_content):
    """A manual line break pasted into the model deliberation becomes a line break; a control
    character or a right-to-left override in a title goes; nothing fails."""
    from directory.models import DeliberationModel
    from news.models import NewsItem
    from tests.admin_forms import admin_form_data

    model = DeliberationModel.current()
    url = f"/gestion/directory/deliberationmodel/{model.pk}/change/"
    response = staff_client.post(
        url, {"title": "Délibération\x01 type", "body": "Le conseil décide.\x0bFin.\x00"}
    )
    assert response.status_code == 302
    model.refresh_from_db()
    assert (model.title, model.body) == ("Délibération type", "Le conseil décide.\nFin.")

    item = make_news(title="Sélection 2025", slug="selection")
    change = f"/gestion/news/newsitem/{item.pk}/change/"
    data = admin_form_data(staff_client.get(change), title="Sélection\u202e 2025\x0b")
    assert staff_client.post(change, data).status_code == 302
    assert NewsItem.objects.get(pk=item.pk).title == "Sélection 2025"


@pytest.mark.django_db
def test_the_csv_import_leaves_out_control_and_right_to_left_characters(
    staff_client, initial_content
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from directory.models import Authority

    text = "collectivite,type,departement\nVille\u202e d’Arras\x01,Commune,62\n"
    file = SimpleUploadedFile("import.csv", text.encode("utf-8"), content_type="text/csv")
    url = reverse("admin:directory_authority_import")
    response = staff_client.post(url, {"file": file})
    staff_client.post(url, {"confirm": "1", "payload": response.context["payload"]})
    assert Authority.objects.filter(name="Ville d’Arras").exists()


@pytest.mark.django_db
def test_a_stored_deliberation_with_control_characters_still_downloads(client, initial_content):
    import io

    from docx import Document

    from directory.models import DeliberationModel

    model = DeliberationModel.current()
    # Written past the admin (the shell, an old database; PostgreSQL refuses NUL itself):
    # the file is made all the same.
    DeliberationModel.objects.filter(pk=model.pk).update(
        title="Délibération\x01 type",
        body="Le conseil\x02 décide.\x0bFin.\n\nArticle 1er : Oui\x1b.",
    )
    response = client.get("/ma-collectivite/modele-de-deliberation.docx")
    assert response.status_code == 200
    text = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    assert text[0] == "Délibération type" and text[-1] == "Article 1er : Oui."
