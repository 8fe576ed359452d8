"""« Préparer ma candidature »'s questions: staff write them per scheme in the admin, each with
its source and its answers (met, a condition, or closed); the answer page weighs them, says
why with the source, and asks nothing the form already knows."""

import importlib
from urllib.parse import urlencode

import pytest

from funding.models import EligibilityChoice, EligibilityQuestion, Scheme
from reference.models import AuthorityType
from tests.helpers import page_text

SENEGAL = "appel-franco-senegalais"
GENERALIST = "appel-a-projets-generaliste-dctciv"


def prepare(client, slug, **params):
    return page_text(client, f"/financements/{slug}/preparer/?{urlencode(params)}")


def pick(slug, question_start, label_start):
    """The address parameter that answers the scheme's question with one of its answers."""
    question = EligibilityQuestion.objects.get(scheme__slug=slug, text__startswith=question_start)
    choice = question.choices.get(label__startswith=label_start)
    return {question.field_name: choice.pk}


@pytest.fixture
def commune(initial_content):
    return AuthorityType.objects.get(name="Commune").pk


@pytest.mark.django_db
def test_a_commune_that_meets_every_rule_may_apply_and_is_told_why(client, commune):
    answers = pick(SENEGAL, "Le projet est-il présenté", "Oui")
    answers |= pick(SENEGAL, "Votre collectivité apportera", "Oui")
    html = prepare(client, SENEGAL, collectivite=commune, pays="SN", **answers)
    assert "Vous pouvez candidater" in html and "Vous pouvez candidater si" not in html
    assert "Déjà rempli" in html
    assert "au moins 20 % pour la française, 10 % pour la sénégalaise" in html
    assert 'href="https://aimf.asso.fr/actualite/' in html
    # What the form knows already is not asked again: the country is not a question.
    assert "Un partenariat avec le pays « Sénégal » entre dans ses pays" in html


@pytest.mark.django_db
def test_a_project_carried_by_an_association_is_refused_with_the_rule_and_its_source(
    client, commune
):
    answers = pick(SENEGAL, "Le projet est-il présenté", "Non, il est porté")
    html = prepare(client, SENEGAL, collectivite=commune, pays="SN", **answers)
    assert "Ce dispositif ne vous est pas ouvert" in html
    assert "Un projet porté par un organisme public, privé ou associatif n’est pas éligible" in html
    assert 'href="https://www.oc-cooperation.org/appel-projet/dispositif-conjoint' in html
    assert "Ces dispositifs conviennent à votre collectivité" in html
    assert 'href="/contact/"' in html  # the person to call


@pytest.mark.django_db
def test_an_unanswered_question_and_a_pending_declaration_are_conditions(client, commune):
    answers = pick(GENERALIST, "Votre collectivité déclare-t-elle", "Non, pas encore")
    html = prepare(client, GENERALIST, collectivite=commune, pays="UA", **answers)
    assert "Vous pouvez candidater si" in html
    assert "Déclarez votre APD sur la plateforme dédiée, entre le 15 avril et le 31 mai" in html
    assert "À vérifier : Votre collectivité apportera-t-elle au moins 10 %" in html
    assert 'href="https://mairesdefrance.com/m/article/print.php?id=28289"' in html
    # The checklist is not repeated beside the questions that stand for it.
    assert "Déposer le dossier sur le portail de la CNCD" not in html


@pytest.mark.django_db
def test_each_question_is_a_group_of_radio_buttons_with_its_legend(client, commune):
    html = page_text(client, f"/financements/{GENERALIST}/preparer/")
    question = EligibilityQuestion.objects.filter(scheme__slug=GENERALIST).first()
    assert f"<legend>{question.text}</legend>" in html
    assert f'name="{question.field_name}" value="" required' not in html
    assert "Je ne sais pas encore" in html


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["abc", "9" * 30, "-1", "1.5"])
def test_a_forged_answer_gets_the_form_again_with_its_error(client, commune, value):
    question = EligibilityQuestion.objects.filter(scheme__slug=SENEGAL).first()
    url = f"/financements/{SENEGAL}/preparer/?{question.field_name}={value}&pays=SN"
    response = client.get(url)
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()


@pytest.mark.django_db
def test_staff_write_a_question_in_the_admin_and_the_page_asks_it(staff_client, initial_content):
    scheme = Scheme.objects.get(slug="fonds-franco-quebecois")
    form = {
        "scheme": scheme.pk,
        "text": "Le projet est-il porté avec une municipalité québécoise ?",
        "source": "",
        "source_url": "https://www.diplomatie.gouv.fr/fr/",
        "position": 1,
        "choices-TOTAL_FORMS": 2,
        "choices-INITIAL_FORMS": 0,
        "choices-MIN_NUM_FORMS": 2,
        "choices-MAX_NUM_FORMS": 1000,
        "choices-0-label": "Oui",
        "choices-0-outcome": "pass",
        "choices-0-explanation": "Le projet est porté avec une municipalité québécoise.",
        "choices-0-position": 1,
        "choices-1-label": "Non",
        "choices-1-outcome": "fail",
        "choices-1-explanation": "Le fonds soutient les partenariats avec le Québec.",
        "choices-1-position": 2,
    }
    add = "/gestion/funding/eligibilityquestion/add/"
    refused = staff_client.post(add, form)
    assert refused.status_code == 200  # a rule without a source is not written
    assert "Ce champ est obligatoire" in refused.content.decode()
    assert not EligibilityQuestion.objects.filter(scheme=scheme).exists()

    form["source"] = "diplomatie.gouv.fr, « Fonds franco-québécois de coopération décentralisée »"
    assert staff_client.post(add, form).status_code == 302
    question = EligibilityQuestion.objects.get(scheme=scheme)
    assert question.choices.count() == 2
    scheme_form = staff_client.get(f"/gestion/funding/scheme/{scheme.pk}/change/")
    assert question.text in scheme_form.content.decode()

    staff_client.logout()
    no = question.choices.get(label="Non")
    html = prepare(staff_client, scheme.slug, **{question.field_name: no.pk})
    assert "Ce dispositif ne vous est pas ouvert" in html
    assert "Le fonds soutient les partenariats avec le Québec." in html
    assert "diplomatie.gouv.fr, « Fonds franco-québécois" in html


@pytest.mark.django_db
def test_a_running_site_gets_the_questions_without_losing_those_staff_wrote(initial_content):
    from django.apps import apps

    migration = importlib.import_module("funding.migrations.0019_initial_questions")
    ficol = Scheme.objects.get(slug="ficol")
    EligibilityQuestion.objects.filter(scheme=ficol).delete()
    senegal = EligibilityQuestion.objects.filter(scheme__slug=SENEGAL).first()
    EligibilityQuestion.objects.filter(pk=senegal.pk).update(text="Écrite par l’équipe ?")
    migration.add(apps, None)
    assert EligibilityQuestion.objects.filter(scheme=ficol).count() == 2
    assert all(q.choices.count() >= 2 for q in EligibilityQuestion.objects.filter(scheme=ficol))
    assert EligibilityQuestion.objects.filter(scheme__slug=SENEGAL).count() == 2
    assert EligibilityQuestion.objects.get(pk=senegal.pk).text == "Écrite par l’équipe ?"


@pytest.mark.django_db
def test_every_initial_rule_has_its_source_and_every_question_a_way_to_fail_or_pass(
    initial_content,
):
    questions = EligibilityQuestion.objects.prefetch_related("choices")
    schemes = {q.scheme.slug for q in questions.select_related("scheme")}
    assert schemes == {GENERALIST, SENEGAL, "ficol", "cerv-jumelages-reseaux-de-villes"}
    for question in questions:
        assert question.source and question.source_url.startswith("https://")
        outcomes = {choice.outcome for choice in question.choices.all()}
        assert EligibilityChoice.Outcome.PASS in outcomes and len(outcomes) >= 2


def test_the_readme_shows_every_initial_rule_with_its_source():
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    rules = json.loads((root / "funding/fixtures/initial_questions.json").read_text("utf-8"))
    for questions in rules.values():
        for question in questions:
            assert f"« {question['text']} »" in readme
            assert f"]({question['source_url']})" in readme
            for label, _outcome, _explanation in question["choices"]:
                assert f"« {label} »" in readme
