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


@pytest.fixture
def commune_pk(initial_content):
    return AuthorityType.objects.get(name="Commune").pk


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
    assert "Ce levier n’est pas ouvert à votre collectivité" in html
    assert "Il est ouvert aux collectivités suivantes" in html
    assert "Ces dispositifs conviennent à votre collectivité" in html
    instead = html[html.index("Ce que votre collectivité peut faire à la place") :]
    assert "article L1115-1 du CGCT" in instead[:600]
    assert f'href="/financements/?collectivite={departement}"' in instead


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
    brief = page_text(client, "/ma-collectivite/62765/")
    assert 'href="/financements/ficol/preparer/?territoire=62765"' in brief


@pytest.mark.django_db
def test_from_a_brief_the_authority_is_known_and_not_asked_again(client, initial_content):
    from tests.directory.territories import load_subset

    load_subset()
    html = prepare(client, "ficol", territoire="62765", pays="SN")
    assert "Pour : <strong>Saint-Omer</strong> (commune)" in html
    assert 'name="collectivite"' not in html
    assert '<input type="hidden" name="territoire" value="62765"' in html
    assert "Il est ouvert à votre collectivité (Commune," in html
    unknown = prepare(client, "ficol", territoire="99999")
    assert "Aucune collectivité de la région n’a le code 99999" in unknown
    assert 'name="collectivite"' in unknown
    assert 'name="territoire"' not in unknown  # sent again, the form asks the type instead


@pytest.mark.django_db
def test_a_lever_is_answered_by_who_runs_its_service_here(client, initial_content):
    from tests.directory.territories import SAINT_OMER_EPCI, load_subset

    load_subset()
    commune = prepare(client, "1-pourcent-eau-assainissement", territoire="62765")
    assert "Ce levier n’est pas ouvert à votre collectivité" in commune
    assert "est exercé par votre intercommunalité, " in commune
    assert "le levier est le sien" in commune
    assert "Ce que votre collectivité peut faire à la place" in commune
    assert 'id="plan-title"' not in commune  # a lever has no call to plan for

    agglomeration = prepare(client, "1-pourcent-eau-assainissement", territoire=SAINT_OMER_EPCI)
    assert "Votre collectivité peut mobiliser ce levier" in agglomeration
    assert "candidater" not in agglomeration[agglomeration.index('id="answer-title"') :][:300]
    assert "Ici, votre collectivité exerce le service « Eau potable »" in agglomeration
    assert f'href="/ma-collectivite/{SAINT_OMER_EPCI}/deliberation/"' in agglomeration


def test_a_closing_on_29_february_is_estimated_on_the_28th_a_year_later():
    from datetime import date

    from funding.application import a_year_later

    assert a_year_later(date(2024, 2, 29)) == date(2025, 2, 28)
    assert a_year_later(date(2027, 2, 23)) == date(2028, 2, 23)


@pytest.mark.django_db
def test_a_council_too_late_for_the_deadline_leads_to_the_next_editions_plan(client, commune_pk):
    params = {"collectivite": commune_pk, "pays": "SN", "conseils": "20/02/2027, 02/02/2028"}
    html = prepare(client, "appel-franco-senegalais", **params)
    assert "Aucun de ces conseils n’arrive à temps" in html
    link = html.index("Voir le plan de l’édition suivante")
    assert "edition=suivante" in html[link - 300 : link]
    following = prepare(client, "appel-franco-senegalais", edition="suivante", **params)
    assert "Date limite estimée au 23 février 2028" in following
    plan = following[following.index('<ol class="plan">') :]
    council = plan.index("mercredi 2 février 2028")
    assert "Le conseil adopte la délibération" in plan[council : council + 200]
    assert "Voir le plan de l’édition suivante" not in following


@pytest.mark.django_db
def test_hostile_values_in_each_of_its_parameters_never_give_a_5xx(commune_pk, caplog):
    from django.test import Client

    from funding.models import EligibilityQuestion
    from tests.quality.test_hostile_input import assert_no_server_error

    visitor = Client(raise_request_exception=False)
    question = EligibilityQuestion.objects.filter(scheme__slug="appel-franco-senegalais").first()
    names = ["collectivite", "pays", "conseils", "rang", "jour", "territoire", "edition"]
    values = ["%00", "%ff%fe", "a" * 5000, "-1", "9" * 30, "31/02/2027", "01/01/9999", "0"]
    for name in [*names, question.field_name]:
        for value in values:
            url = f"/financements/appel-franco-senegalais/preparer/?{name}={value}&pays=SN"
            assert_no_server_error(visitor.get(url), url, caplog)
            ics = url.replace("preparer/", "preparer.ics")
            assert_no_server_error(visitor.get(ics), ics, caplog)
