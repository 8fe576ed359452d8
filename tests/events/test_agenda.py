"""The agenda: upcoming and past events split on the minute, Paris time, and calendars."""

import json
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from events.models import Event
from tests.events.builders import make_event

PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "day",
    [(2026, 6, 15), (2026, 3, 29), (2026, 10, 25), (2026, 3, 28), (2026, 10, 24)],
    ids=[
        "summer",
        "spring-forward-day",
        "fall-back-day",
        "eve-of-spring-forward",
        "eve-of-fall-back",
    ],
)
def test_an_event_ending_at_midnight_paris_is_upcoming_until_then(initial_content, day):
    start = datetime(*day, 22, 0, tzinfo=PARIS)
    midnight = datetime(*day, tzinfo=PARIS) + timedelta(days=1)
    midnight = midnight.replace(hour=0, minute=0, tzinfo=PARIS)
    event = make_event("Soirée", starts_at=start, ends_at=midnight)
    assert list(Event.objects.upcoming(now=datetime(*day, 23, 59, 59, tzinfo=PARIS))) == [event]
    assert list(Event.objects.past(now=datetime(*day, 23, 59, 59, tzinfo=PARIS))) == []
    assert list(Event.objects.upcoming(now=midnight)) == []
    assert list(Event.objects.past(now=midnight)) == [event]
    assert event.ends_at - event.starts_at == timedelta(hours=2), (
        "the clock change must not stretch the evening"
    )


@pytest.mark.django_db
def test_agenda_lists_upcoming_in_date_order_and_archives_past_by_year(client, initial_content):
    later = make_event("Rencontre régionale", starts_in=timedelta(days=30))
    sooner = make_event("Webinaire FICOL", starts_in=timedelta(days=3))
    ending = make_event(
        "Se termine bientôt", starts_in=timedelta(hours=-1), length=timedelta(hours=1, minutes=2)
    )
    past = make_event("Session 2025", starts_at=datetime(2025, 5, 12, 9, 30, tzinfo=PARIS))
    hidden = make_event("Brouillon", is_published=False)
    html = client.get("/agenda/").content.decode()
    assert html.index(ending.title) < html.index(sooner.title) < html.index(later.title)
    assert past.title not in html and hidden.title not in html
    archive = client.get("/agenda/archives/").content.decode()
    assert '<h2 id="year-2025">2025</h2>' in archive and past.title in archive
    assert sooner.title not in archive
    assert client.get(hidden.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_home_shows_the_next_three_events(client, initial_content):
    for days in (9, 3, 6, 12):
        make_event(f"Événement dans {days} jours", starts_in=timedelta(days=days))
    html = client.get("/").content.decode()
    block = html[html.index("Prochains rendez-vous") :].split("</section>")[0]
    assert block.index("3 jours") < block.index("6 jours") < block.index("9 jours")
    assert "12 jours" not in block


@pytest.mark.django_db
def test_event_page_has_json_ld_and_links_to_its_funding(client, initial_content):
    from funding.models import Scheme

    event = make_event()
    event.schemes.set([Scheme.objects.get(slug="ficol")])
    html = client.get(event.get_absolute_url()).content.decode()
    blocks = [
        json.loads(b)
        for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    data = next(b for b in blocks if b["@type"] == "Event")
    assert data["name"] == event.title
    assert data["location"]["@type"] == "Place"
    assert "5 rue Jules de Vicq" in data["location"]["address"]
    assert 'href="/financements/ficol/"' in html
    assert f'href="/agenda/{event.slug}/agenda.ics"' in html


@pytest.mark.django_db
def test_icalendar_feed_parses_with_stable_uids(client, initial_content):
    first = make_event(
        "Webinaire",
        starts_in=timedelta(days=2),
        place=Event.Place.ONLINE,
        online_url="https://visio.example.org/salle",
    )
    make_event("Rencontre", starts_in=timedelta(days=5))
    make_event("Passé", starts_in=timedelta(days=-5))
    calendar = Calendar.from_ical(client.get("/agenda/calendrier.ics").content)
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Webinaire", "Rencontre"]
    assert events[0].decoded("DTSTART") == first.starts_at
    assert str(events[0]["LOCATION"]) == "En ligne"
    assert "visio.example.org" not in client.get("/agenda/calendrier.ics").content.decode()
    uid = str(events[0]["UID"])
    first.starts_at += timedelta(hours=1)
    first.ends_at += timedelta(hours=1)
    first.save()
    again = Calendar.from_ical(client.get("/agenda/calendrier.ics").content).walk("VEVENT")
    assert str(again[0]["UID"]) == uid
    assert again[0].decoded("DTSTART") == first.starts_at
    single = Calendar.from_ical(client.get(f"/agenda/{first.slug}/agenda.ics").content).walk(
        "VEVENT"
    )
    assert [str(e["UID"]) for e in single] == [uid]


@pytest.mark.django_db
def test_agenda_pages_are_in_the_sitemap_and_search(client, initial_content):
    event = make_event("Session Erasmus+ pour les agents")
    xml = client.get("/sitemap.xml").content.decode()
    assert f"<loc>http://testserver{event.get_absolute_url()}</loc>" in xml
    assert "<loc>http://testserver/agenda/</loc>" in xml
    assert xml.count("<loc>http://testserver/agenda/</loc>") == 1
    assert event.title in client.get("/recherche/", {"q": "session erasmus"}).content.decode()


@pytest.mark.django_db
def test_an_empty_agenda_leads_to_the_alerts_and_the_contact_page(client, initial_content):
    from events.models import Event

    Event.objects.all().delete()
    html = client.get("/agenda/").content.decode()
    assert "Aucun événement n’est annoncé pour le moment." in html
    assert 'href="/alertes/">Soyez alerté par courriel</a>' in html
    assert 'href="/contact/">contactez-nous</a>' in html
