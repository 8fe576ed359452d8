"""The data migrations of 2026-11-28 correct a database that holds the old initial content,
and leave alone what staff have edited since."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.utils import timezone

import pages.migrations as pages_migrations
from aict_site.content_updates import snapshots
from contacts.models import Partner
from funding.models import Call, Scheme
from pages.models import Page, SiteSettings


def run(app, migration):
    importlib.import_module(f"{app}.migrations.{migration}").correct(apps, None)


@pytest.mark.django_db
def test_old_content_is_corrected_and_staff_edits_are_kept(initial_content):
    # Put back what the first deploy loaded…
    ficol = Scheme.objects.get(slug="ficol")
    Scheme.objects.filter(pk=ficol.pk).update(verified_on=None)
    morocco = Scheme.objects.get(slug="fonds-franco-marocain")
    Scheme.objects.filter(pk=morocco.pk).update(official_url="https://www.diplomatie.gouv.fr/")
    mexico = Scheme.objects.get(slug="appel-franco-mexicain")
    Scheme.objects.filter(pk=mexico.pk).update(
        official_url="https://www.diplomatie.gouv.fr/", summary="Un résumé écrit par l’équipe."
    )
    ix = Call.objects.get(title="Appel Jeunesse IX")
    Call.objects.filter(pk=ix.pk).update(closes_at=ix.closes_at.replace(month=1, day=31))
    Call.objects.filter(title="Appel Jeunesse X").delete()
    Partner.objects.filter(name="France Travail").update(name="Pôle Emploi", former_name="")
    old_pages, _new = snapshots(pages_migrations.__file__, "corrections-2026-11-28")
    network = next(p for p in old_pages["pages"] if p["slug"] == "lianes-cooperation")
    Page.objects.filter(slug="lianes-cooperation").update(body=network["body"])
    SiteSettings.objects.filter(pk=1).update(postal_address="", contact_email="")
    # …with one change staff made since: a page body rewritten by hand.
    Page.objects.filter(slug="types-d-actions").update(body="<p>Texte de l’équipe.</p>")

    run("funding", "0006_content_corrections")
    run("contacts", "0011_content_corrections")
    run("pages", "0009_content_corrections")

    ficol.refresh_from_db()
    assert ficol.verified_on == date(2026, 11, 28)
    morocco.refresh_from_db()
    assert morocco.official_url.endswith("/appel-a-projets-franco-marocain/")
    mexico.refresh_from_db()
    # The old page was corrected, the summary staff wrote is theirs.
    assert mexico.official_url.endswith("/appel-a-projets-franco-mexicain/")
    assert mexico.summary == "Un résumé écrit par l’équipe."
    ix.refresh_from_db()
    assert timezone.localtime(ix.closes_at).date() == date(2023, 2, 26)
    assert Call.objects.filter(title="Appel Jeunesse X").count() == 1
    assert Partner.objects.get(former_name="Pôle emploi").name == "France Travail"
    assert "fédère" in Page.objects.get(slug="lianes-cooperation").body
    assert Page.objects.get(slug="types-d-actions").body == "<p>Texte de l’équipe.</p>"
    settings = SiteSettings.objects.get(pk=1)
    assert "59000 Lille" in settings.postal_address
    # Run twice, nothing changes a second time.
    run("funding", "0006_content_corrections")
    assert Call.objects.filter(title="Appel Jeunesse X").count() == 1
