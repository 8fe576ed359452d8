"""The client's copy becomes the site's content once, and never overwrites staff edits."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command

from contacts.models import Office, Partner, Person
from pages.models import Action, Page, Reason

BASE_DIR = Path(__file__).resolve().parents[2]
CLIENT_COPY = BASE_DIR / "pages" / "fixtures" / "aict-collectivites.txt"
CORRECTIONS = BASE_DIR / "docs" / "content-corrections.md"

# Sections of the client's copy that belong to the funding and contacts apps.
FUNDING_OR_CONTACT_MARKERS = (
    "DAECT", "FICOL", "Agence Française de Développement propose", "L’UE publie",
    "Erasmus", "Votre contact", "Pour toute information", "n.yaiche", "Bureaux à",
    "S/c MRES", "5 rue Jules", "Espace Somme", "6 rue des Hautes",
)  # fmt: skip


def all_content():
    texts = []
    for page in Page.objects.all():
        texts += [page.title, page.summary, page.body]
    texts += [f"{r.title} {r.text}" for r in Reason.objects.all()]
    texts += [a.text for a in Action.objects.all()]
    return re.sub(r"<[^>]+>", " ", " ".join(texts))


def corrections():
    """(client's copy, as loaded) pairs from the table the client reviews."""
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in CORRECTIONS.read_text(encoding="utf-8").splitlines()
        if line.startswith("| ") and not line.startswith("| Where")
    ]
    return [(row[1], row[2]) for row in rows]


def corrected(line):
    for original, loaded in corrections():
        line = line.replace(original, loaded)
    return line


@pytest.mark.django_db
def test_every_sentence_of_the_client_copy_about_aict_is_loaded_as_corrected(initial_content):
    """Each sentence is on the site, with only the corrections the table lists for the client."""
    content = " ".join(all_content().split())
    partners = {partner.label for partner in Partner.objects.all()}
    assert len(corrections()) > 20
    lines = [
        corrected(" ".join(line.split()))
        for line in CLIENT_COPY.read_text(encoding="utf-8").splitlines()
    ]
    checked = 0
    for line in lines:
        line = line.lstrip("• ").strip()
        line = re.sub(r"^\d\. ", "", line)
        if not line or line in partners or any(m in line for m in FUNDING_OR_CONTACT_MARKERS):
            continue
        if line in {"AICT – Collectivités", "Informations pratiques", "Lianes coopération"}:
            continue
        if len(line.split()) < 3:
            continue
        checked += 1
        assert line in content, line
    assert checked > 25


@pytest.mark.django_db
def test_reasons_actions_and_contacts_are_separate_items(initial_content):
    assert Reason.objects.published().count() == 8
    assert Action.objects.published().count() == 6
    assert list(Office.objects.values_list("city", flat=True)) == ["Lille", "Amiens"]
    assert Person.objects.get().email == "n.yaiche@lianescooperation.org"
    assert Partner.objects.first().name == "Crajep"
    assert Partner.objects.count() == 18


@pytest.mark.django_db
def test_loading_twice_changes_nothing_and_keeps_staff_edits(initial_content):
    reason = Reason.objects.get(position=1)
    reason.title = "Titre modifié par l’équipe"
    reason.save()
    Action.objects.filter(position=6).delete()
    snapshot = {
        model: sorted(model.objects.values_list("pk", "updated_at"))
        for model in (Page, Reason, Action, Office, Person, Partner)
    }
    call_command("load_initial_content", verbosity=0)
    after = {
        model: sorted(model.objects.values_list("pk", "updated_at"))
        for model in (Page, Reason, Action, Office, Person, Partner)
    }
    assert after == snapshot
    assert Reason.objects.get(position=1).title == "Titre modifié par l’équipe"
    assert Action.objects.count() == 5
