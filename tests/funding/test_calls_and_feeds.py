"""Calls open and close on the minute, Paris time; feeds and calendars carry them faithfully."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from funding.models import Call
from tests.admin_forms import admin_form_data
from tests.funding.builders import make_call, make_funder, make_scheme
from tests.helpers import squashed

PARIS = ZoneInfo("Europe/Paris")


def paris(*args):
    return datetime(*args, tzinfo=PARIS)


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
def test_a_call_closing_at_2359_paris_is_open_until_then_and_closed_after(day):
    call = Call(opens_at=paris(2026, 1, 1), closes_at=paris(*day, 23, 59))
    assert call.state(now=paris(*day, 0, 0)) == "open"
    assert call.state(now=paris(*day, 23, 59)) == "open"
    assert call.state(now=paris(*day, 23, 59, 30)) == "open"
    assert call.state(now=paris(*day, 23, 59) + timedelta(minutes=1)) == "closed"
    next_day = paris(*day) + timedelta(days=1)
    assert call.state(now=next_day.replace(hour=0, minute=0)) == "closed"
    assert call.days_left(now=paris(*day, 8, 0)) == 0
    assert call.days_left(now=paris(*day, 8, 0) - timedelta(days=1)) == 1


def test_a_call_is_upcoming_before_it_opens():
    call = Call(opens_at=paris(2026, 11, 1, 9, 0), closes_at=paris(2027, 1, 31, 23, 59))
    assert call.state(now=paris(2026, 11, 1, 8, 59)) == "upcoming"
    assert call.state(now=paris(2026, 11, 1, 9, 0)) == "open"


@pytest.mark.django_db
def test_a_call_opens_on_its_scheme_page_and_card_by_the_clock_alone(
    client, settings, initial_content
):
    """The calls and the finder's cards are fragments kept in memory: nobody edits anything
    when a call opens, so only the clock renews them, within FRAGMENT_CLOCK_SECONDS."""
    import time

    settings.PAGE_CACHE_SECONDS = 0
    settings.FRAGMENT_CLOCK_SECONDS = 1
    scheme = make_scheme("Appel Jeunesse", make_funder("Ministère"))
    opens_at = timezone.now() + timedelta(seconds=1)
    make_call(scheme, "Édition 2027", opens_at=opens_at, closes_in_days=30)
    pages = {"scheme": scheme.get_absolute_url(), "card": "/financements/"}

    def state(url):
        html = squashed(client.get(url).content.decode())
        if url != pages["scheme"]:  # the scheme's own card
            html = html[html.index("Appel Jeunesse") :].split("</li>")[0]
        return "upcoming" if "À venir</strong>" in html else "open" if "jours" in html else ""

    assert [state(url) for url in pages.values()] == ["upcoming", "upcoming"]
    time.sleep(2.2)
    assert [state(url) for url in pages.values()] == ["open", "open"]


@pytest.mark.django_db
def test_scheme_page_shows_open_upcoming_and_archived_calls_with_their_real_dates(
    client, initial_content
):
    scheme = make_scheme("Appel Jeunesse", make_funder("Ministère"))
    for year in (2023, 2024, 2025):
        make_call(
            scheme,
            f"Édition {year}",
            opens_at=paris(year - 1, 11, 20),
            closes_at=paris(year, 3, 1, 23, 59),
        )
    make_call(scheme, "Édition ouverte", opens_in_days=-3, closes_in_days=12)
    make_call(scheme, "Édition suivante", opens_in_days=200, closes_in_days=260)
    scheme.checklist.create(text="Déclarer votre APD entre le 15 avril et le 31 mai", position=1)
    html = squashed(client.get(scheme.get_absolute_url()).content.decode())
    assert "encore 12 jours" in html
    assert "À venir</strong> — ouverture le" in html
    assert "Éditions précédentes" in html
    assert "Édition 2023 : du 20 novembre 2022 au 1er mars 2023" in html
    assert "l’appel ouvre généralement en novembre (3 éditions sur 3)" in html
    assert "l’appel se clôt généralement en mars (3 éditions sur 3)" in html
    assert "Déclarer votre APD entre le 15 avril et le 31 mai" in html
    assert "Ajouter à mon agenda" in html
    block = re.search(r'"@type": "MonetaryGrant".*?</script>', html, re.S)
    assert block, "JSON-LD MonetaryGrant missing"


@pytest.mark.django_db
@pytest.mark.parametrize("editions", [1, 2])
def test_fewer_than_three_agreeing_editions_never_make_a_habit(client, initial_content, editions):
    scheme = make_scheme("Appel rare", make_funder("Ministère"))
    for year in range(2023, 2023 + editions):
        make_call(scheme, f"Édition {year}", opens_at=paris(year, 1, 10),
                  closes_at=paris(year, 3, 26, 23, 59))  # fmt: skip
    # A third edition that disagrees on both months.
    make_call(
        scheme, "Édition 2021", opens_at=paris(2020, 11, 22), closes_at=paris(2021, 2, 26, 23, 59)
    )
    html = squashed(client.get(scheme.get_absolute_url()).content.decode())
    assert "généralement" not in html
    assert "Édition 2023 : du 10 janvier 2023 au 26 mars 2023" in html
    assert "Édition 2021 : du 22 novembre 2020 au 26 février 2021" in html


@pytest.mark.django_db
def test_the_thematic_calls_show_their_editions_and_never_a_habit_they_do_not_have(
    client, initial_content
):
    html = squashed(client.get("/financements/appels-thematiques-dctciv/").content.decode())
    assert "Appel Jeunesse X : du 10 janvier 2024 au 26 mars 2024" in html
    assert "Appel Jeunesse IX : du 22 novembre 2022 au 26 février 2023" in html
    # Three of the four closed in March, but they are two calls (youth, food security) of two
    # editions each: no habit to tell (audit N14).
    assert "généralement" not in html


@pytest.mark.django_db
def test_a_closing_hour_is_shown_only_when_the_source_gives_one(client, initial_content):
    scheme = make_scheme("Appel horaire", make_funder("Ministère"))
    make_call(scheme, "Sans heure", opens_in_days=-3, closes_at=timezone.now() + timedelta(days=9))
    closes_at = (timezone.now() + timedelta(days=10)).replace(hour=16, minute=0)
    given = make_call(
        scheme, "Avec heure", opens_in_days=-3, closing_time_given=True, closes_at=closes_at
    )
    html = squashed(client.get(scheme.get_absolute_url()).content.decode())
    # « 17 h », as French writes it (squashed: its non-breaking space read as a space).
    hour = f"{timezone.localtime(given.closes_at).hour} h"
    assert f"à {hour} (heure de Paris)" in html
    assert html.count("(heure de Paris)") == 1
    assert "23:59" not in html
    ics = client.get(f"/financements/appels/{given.uid}.ics").content.decode()
    assert f"à {hour}".replace(" h", "\u00a0h") in ics.replace("\r\n ", "")


@pytest.mark.django_db
def test_official_link_source_and_verified_date_are_shown(client, initial_content):
    html = squashed(client.get("/financements/ficol/").content.decode())
    assert (
        '<a class="more" href="https://www.afd.fr/fr/la-ficol-un-tremplin-pour-laction-exterieure-des-territoires-francais">'
        "Page officielle" in html
    )
    assert "Source :" in html and "informations vérifiées le 28 novembre 2026" in html
    assert "mise à jour le" not in html
    missing = squashed(client.get("/financements/appel-franco-libanais/").content.decode())
    assert "Page officielle non disponible." in missing


@pytest.mark.django_db
def test_a_single_call_has_its_own_ics(client, initial_content):
    scheme = make_scheme("Fonds test", make_funder("Ministère"))
    call = make_call(scheme, "Bientôt", opens_in_days=-1, closes_in_days=3)
    events = Calendar.from_ical(client.get(f"/financements/appels/{call.uid}.ics").content).walk(
        "VEVENT"
    )
    assert len(events) == 1
    assert str(events[0]["UID"]) == f"appel-{call.uid}@lianescooperation.org"
    assert (
        client.get("/financements/appels/00000000-0000-0000-0000-000000000000.ics").status_code
        == 404
    )


@pytest.mark.django_db
def test_atom_feed_dates_calls_by_their_own_dates_and_says_which_are_closed(
    client, initial_content
):
    response = client.get("/financements/flux/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    atom = "{http://www.w3.org/2005/Atom}"
    entries = {entry.find(f"{atom}title").text: entry for entry in root.findall(f"{atom}entry")}
    assert len(entries) == Call.objects.count()
    ficol = entries[
        "FICOL — Facilité de financement des collectivités territoriales — FICOL 2024 (clos)"
    ]
    assert ficol.find(f"{atom}published").text.startswith("2024-01-04")
    assert ficol.find(f"{atom}updated").text.startswith("2024-01-04")
    summary = ficol.find(f"{atom}summary").text
    assert "Cet appel est clos." in summary and "Clôture\u00a0: 13 septembre 2024." in summary
    assert "23:59" not in response.content.decode()
    # The content was loaded today: no entry, and not the feed itself, says so.
    today = timezone.localdate().isoformat()
    assert today not in root.find(f"{atom}updated").text
    assert not [e for e in entries.values() if e.find(f"{atom}published").text.startswith(today)]


@pytest.mark.django_db
def test_funding_pages_are_in_the_sitemap(client, initial_content):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/financements/</loc>" in xml
    assert "<loc>http://testserver/financements/ficol/</loc>" in xml
    assert "<loc>http://testserver/financements/calendrier/</loc>" in xml
    assert xml.count("<loc>http://testserver/financements/</loc>") == 1


@pytest.mark.django_db
def test_admin_refuses_a_closing_before_the_opening_and_a_non_web_link(
    staff_client, initial_content
):
    call = Call.objects.get(title="FICOL 2024")
    url = reverse("admin:funding_call_change", args=[call.pk])
    data = admin_form_data(
        staff_client.get(url),
        opens_at_0="10/03/2027", opens_at_1="00:00:00",
        closes_at_0="01/03/2027", closes_at_1="23:59:00",
        url="javascript:alert(1)",
    )  # fmt: skip
    response = staff_client.post(url, data)
    assert response.status_code == 200
    errors = json.dumps(response.context["adminform"].form.errors, ensure_ascii=False)
    assert "La clôture doit être postérieure à l’ouverture." in errors
    assert "url" in errors


@pytest.mark.django_db
def test_admin_lists_calls_closing_in_the_next_30_days(staff_client, initial_content):
    scheme = make_scheme("Fonds test", make_funder("Ministère"))
    make_call(scheme, "Dans dix jours", opens_in_days=-1, closes_in_days=10)
    make_call(scheme, "Dans deux mois", opens_in_days=-1, closes_in_days=60)
    html = staff_client.get(
        reverse("admin:funding_call_changelist"), {"cloture": "30j"}
    ).content.decode()
    assert "Dans dix jours" in html and "Dans deux mois" not in html
    later = make_scheme("Fonds plus tard", make_funder("Agence"))
    make_call(later, "Dans deux mois aussi", opens_in_days=-1, closes_in_days=60)
    schemes = staff_client.get(reverse("admin:funding_scheme_changelist"), {"appels": "30j"})
    assert "Fonds test" in schemes.content.decode()
    assert "Fonds plus tard" not in schemes.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("opens_in_days", "closes_in_days"),
    [(-5, 5), (5, 40), (-40, -10), (-3, None), (3, None), (None, 5), (None, -5), (None, None),
     (-1, 0.0003)],  # the last: closing within the minute, still open
)  # fmt: skip
def test_a_call_is_open_in_the_queryset_exactly_when_its_state_says_so(
    initial_content, opens_in_days, closes_in_days
):
    scheme = make_scheme("Fonds test", make_funder("Ministère"))
    call = make_call(scheme, opens_in_days=opens_in_days, closes_in_days=closes_in_days)
    now = timezone.now()
    in_queryset = Call.objects.open_at(now).filter(pk=call.pk).exists()
    assert in_queryset == (call.state(now) == "open")
