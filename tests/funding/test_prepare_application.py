"""« Préparer ma candidature »: a reasoned answer for a commune with a partner in Senegal, a
plan that puts the deliberation at a council meeting in time, its .ics with reminders; and a
département asking about a lever it cannot use is told why and where to go."""

import pytest
from icalendar import Calendar

from reference.models import AuthorityType
from tests.helpers import page_text


def prepare(client, slug, **params):
    from urllib.parse import urlencode

    return page_text(client, f"/financements/{slug}/preparer/?{urlencode(params)}")


@pytest.mark.django_db
def test_a_commune_with_a_partner_in_senegal_gets_an_answer_and_a_plan(client, initial_content):
    commune = AuthorityType.objects.get(name="Commune").pk
    scheme_page = page_text(client, "/financements/appel-franco-senegalais/")
    assert 'href="/financements/appel-franco-senegalais/preparer/"' in scheme_page
    html = prepare(client, "appel-franco-senegalais", collectivite=commune, pays="SN",
                   conseils="05/01/2027, 02/02/2027, 09/03/2027")  # fmt: skip
    assert "Vous pouvez candidater" in html
    assert "Date limite estimée au 23 février 2027" in html  # from the 2024 edition
    plan = html[html.index('<ol class="plan">') :]
    council = plan.index("mardi 2 février 2027")
    assert "Le conseil adopte la délibération" in plan[council : council + 200]
    assert "9 mars 2027" not in plan  # a meeting after the deadline is of no use
    assert 'href="https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006390075"' in plan
    # The declaration of official development aid: the window before the deadline, already past.
    declaration = plan.index("Déclarer votre aide publique au développement")
    assert "15 avril 2026" in plan[max(0, declaration - 200) : declaration]
    assert "déjà passé" in plan[declaration : declaration + 200]

    generalist = prepare(client, "appel-a-projets-generaliste-dctciv", collectivite=commune,
                         pays="SN", conseils="05/01/2027")  # fmt: skip
    assert "Ce dispositif ne vous est pas ouvert" in generalist
    assert "Sénégal" in generalist and "dispositif conjoint" in generalist
    assert 'href="/financements/appel-franco-senegalais/preparer/?' in generalist


@pytest.mark.django_db
def test_the_plan_downloads_as_a_calendar_with_reminders(client, initial_content):
    commune = AuthorityType.objects.get(name="Commune").pk
    response = client.get(
        "/financements/appel-franco-senegalais/preparer.ics",
        {"collectivite": commune, "pays": "SN", "rang": "premier", "jour": "1"},
    )
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = [c for c in Calendar.from_ical(response.content).walk("VEVENT")]
    assert len(events) >= 5
    for event in events:
        alarms = [str(alarm["trigger"].to_ical(), "ascii") for alarm in event.walk("VALARM")]
        assert sorted(alarms) == ["-P1D", "-P7D"]
        assert "/financements/appel-franco-senegalais/" in str(event["url"])


@pytest.mark.django_db
def test_a_departement_asking_about_a_lever_is_told_why_and_where_to_go(client, initial_content):
    departement = AuthorityType.objects.get(name="Département").pk
    html = prepare(client, "1-pourcent-eau-assainissement", collectivite=departement)
    assert "Ce dispositif ne vous est pas ouvert" in html
    assert "Il est ouvert aux collectivités suivantes" in html
    assert "Ces dispositifs conviennent à votre collectivité" in html


@pytest.mark.django_db
def test_a_date_not_written_as_a_date_is_said_in_french(client, initial_content):
    html = prepare(client, "ficol", conseils="demain")
    assert "Écrivez chaque date sous la forme 12/02/2027." in html


@pytest.mark.django_db
def test_it_is_reached_from_the_finder_and_from_a_brief(client, initial_content):
    from tests.directory.territories import load_subset

    finder = page_text(client, "/financements/")
    assert 'href="/financements/ficol/preparer/"' in finder
    load_subset()
    commune = AuthorityType.objects.get(name="Commune").pk
    brief = page_text(client, "/ma-collectivite/62765/")
    assert f"/preparer/?collectivite={commune}" in brief


def test_a_closing_on_29_february_is_estimated_on_the_28th_a_year_later():
    from datetime import date

    from funding.application import a_year_later

    assert a_year_later(date(2024, 2, 29)) == date(2025, 2, 28)
    assert a_year_later(date(2027, 2, 23)) == date(2028, 2, 23)
