"""The data migrations of 2026-11-28 correct a database that holds the old initial content,
and leave alone what staff have edited since."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.utils import timezone

import funding.migrations as funding_migrations
import pages.migrations as pages_migrations
from aict_site.content_updates import snapshots
from contacts.models import Partner
from funding.models import Call, Scheme
from pages.models import Page, SiteSettings
from reference.models import Country


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


@pytest.mark.django_db
def test_eligibility_and_the_deliberation_are_brought_to_the_sources_on_an_old_database(
    initial_content,
):
    from directory.models import DeliberationModel
    from reference.models import AuthorityType, CountryGroup

    # The first content: no groups, every scheme « only » its listed countries (none: all),
    # FICOL without syndicats mixtes, CERV with no type, the mobility lever without EPCI…
    CountryGroup.objects.all().delete()
    for scheme in Scheme.objects.all():
        scheme.country_groups.clear()
    Scheme.objects.update(countries_rule="only", countries_source="", types_source="")
    generalist = Scheme.objects.get(slug="appel-a-projets-generaliste-dctciv")
    generalist.countries.clear()
    Scheme.objects.get(slug="cerv-jumelages-reseaux-de-villes").eligible_authority_types.clear()
    ficol = Scheme.objects.get(slug="ficol")
    ficol.eligible_authority_types.remove(AuthorityType.objects.get(name="Syndicat mixte"))
    mobility = Scheme.objects.get(slug="1-pourcent-mobilite")
    mobility.eligible_authority_types.remove(AuthorityType.objects.get(name="Intercommunalité"))
    old, _new = snapshots(
        importlib.import_module("directory.migrations").__file__, "deliberation-2026-12-06"
    )
    DeliberationModel.objects.update(title=old["title"], body=old["body"])
    # …and one edit staff made since: FICOL's countries source.
    Scheme.objects.filter(pk=ficol.pk).update(countries_source="Vérifié par l’équipe.")

    run("funding", "0009_mobility_lever_for_intercommunalites")
    run("funding", "0011_eligibility_as_data")
    run("directory", "0009_deliberation_a_council_could_adopt")

    generalist.refresh_from_db()
    assert generalist.countries_rule == "except"
    assert set(generalist.countries.values_list("code", flat=True)) >= {"MA", "SN", "CA"}
    assert (
        not Scheme.objects.open_to_country(Country.objects.get(code="MA"))
        .filter(pk=generalist.pk)
        .exists()
    )
    ficol.refresh_from_db()
    assert ficol.countries_source == "Vérifié par l’équipe."  # staff's, kept
    assert ficol.eligible_authority_types.filter(name="Syndicat mixte").exists()
    assert list(ficol.country_groups.values_list("name", flat=True)) == [
        "Pays éligibles à l’aide publique au développement (liste du CAD de l’OCDE)"
    ]
    assert mobility.eligible_authority_types.filter(name="Intercommunalité").exists()
    assert "Article 1er" in DeliberationModel.current().body


@pytest.mark.django_db
def test_the_audit_facts_reach_an_old_database_and_staff_edits_are_kept(initial_content):
    from funding.models import Funder

    old, _new = snapshots(
        importlib.import_module("funding.migrations").__file__, "audit-2026-12-06"
    )
    morocco = Scheme.objects.get(slug="fonds-franco-marocain")
    Scheme.objects.filter(pk=morocco.pk).update(**old["fonds-franco-marocain"])
    Call.objects.filter(scheme=morocco, opens_at=None).delete()
    # The waste lever's text was rewritten by staff: theirs stays.
    Scheme.objects.filter(slug="1-pourcent-dechets").update(description="<p>Notre texte.</p>")
    faceco = Scheme.objects.get(slug="faceco")
    ministry = Funder.objects.get(short_name="DCTCIV, ex-DAECT")
    Scheme.objects.filter(pk=faceco.pk).update(funder=ministry, works_by_calls=True)
    Funder.objects.filter(name="Centre de crise et de soutien").delete()

    run("funding", "0013_audit_facts")

    morocco.refresh_from_db()
    assert "a pris fin" not in morocco.summary and "2026-2027" in morocco.summary
    assert Call.objects.filter(scheme=morocco, title__contains="2026-2027").count() == 1
    waste = Scheme.objects.get(slug="1-pourcent-dechets")
    assert waste.description == "<p>Notre texte.</p>"
    faceco.refresh_from_db()
    assert faceco.funder.name == "Centre de crise et de soutien" and not faceco.works_by_calls
    run("funding", "0013_audit_facts")  # twice: nothing more
    assert Call.objects.filter(scheme=morocco, title__contains="2026-2027").count() == 1


@pytest.mark.django_db
def test_the_missing_editions_are_added_once_to_an_old_database(initial_content):
    Call.objects.filter(
        title__in=["FICOL 2023", "Réseaux de villes 2026 (CERV-2026-CITIZENS-TOWN-NT)"]
    ).delete()
    run("funding", "0014_editions_since_2024")
    run("funding", "0014_editions_since_2024")
    assert Call.objects.filter(title="FICOL 2023").count() == 1
    ficol_2023 = Call.objects.get(title="FICOL 2023")
    assert timezone.localtime(ficol_2023.opens_at).date() == date(2023, 1, 15)
    assert Call.objects.filter(title__startswith="Réseaux de villes 2026").count() == 1


@pytest.mark.django_db
def test_town_twinning_editions_and_plainer_notes_reach_an_old_database(initial_content):
    old, _new = snapshots(funding_migrations.__file__, "editions-notes-2026-12-06")
    Call.objects.filter(
        title__startswith="Jumelage de villes 202", title__endswith="TOWN-TT)"
    ).exclude(title__contains="2023").delete()
    for key, note in old["notes"].items():
        slug, title = key.split("|", 1)
        Call.objects.filter(scheme__slug=slug, title=title).update(notes=note)
    edited = Call.objects.get(title="Appel Jeunesse X")
    Call.objects.filter(pk=edited.pk).update(notes="Note de l’équipe.")
    run("funding", "0015_editions_and_notes")
    run("funding", "0015_editions_and_notes")
    assert Call.objects.filter(title__contains="CERV-2025-CITIZENS-TOWN-TT").count() == 1
    tt_2025 = Call.objects.get(title__contains="CERV-2025-CITIZENS-TOWN-TT")
    assert timezone.localtime(tt_2025.closes_at).strftime("%Y-%m-%d %H:%M") == "2025-09-17 17:00"
    assert Call.objects.filter(title__contains="CERV-2026-CITIZENS-TOWN-TT").count() == 1
    assert not Call.objects.filter(notes__icontains="heure de clôture non précisée").exists()
    assert not Call.objects.filter(notes__contains="minuit (").exists()
    assert Call.objects.get(pk=edited.pk).notes == "Note de l’équipe."
    assert Scheme.objects.get(slug="cerv-jumelages-reseaux-de-villes").verified_on == date(
        2026, 12, 6
    )


@pytest.mark.django_db
def test_the_waste_lever_links_the_ministrys_page_on_an_old_database_too(client, initial_content):
    old, new = snapshots(funding_migrations.__file__, "waste-page-2026-12-06")
    page = client.get("/financements/1-pourcent-dechets/").content.decode()
    ministry = new["1-pourcent-dechets"]["official_url"]
    assert f'href="{ministry}"' in page
    assert "cité par idcite.com" not in page
    Scheme.objects.filter(slug="1-pourcent-dechets").update(**old["1-pourcent-dechets"])
    water = Scheme.objects.get(slug="1-pourcent-eau-assainissement")
    run("funding", "0020_waste_lever_ministry_page")
    assert Scheme.objects.get(slug="1-pourcent-dechets").official_url == ministry
    # A value staff changed is kept.
    Scheme.objects.filter(slug="1-pourcent-dechets").update(
        official_url="https://www.example.org/1-pourcent",
        source=old["1-pourcent-dechets"]["source"],
    )
    run("funding", "0020_waste_lever_ministry_page")
    waste = Scheme.objects.get(slug="1-pourcent-dechets")
    assert waste.official_url == "https://www.example.org/1-pourcent"
    assert "diplomatie.gouv.fr, « L’enjeu déchets" in waste.source
    assert Scheme.objects.get(pk=water.pk).official_url == water.official_url
