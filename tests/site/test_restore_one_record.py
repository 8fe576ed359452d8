"""« Restaurer » in a record's history changes that record and the rows it owns, nothing else:
not the other pages of the same initial revision, not Lille's receiving address when Amiens
is restored, and the confirmation lists a call it will delete. Two versions compare side by
side."""

import pytest
import reversion
from django.conf import settings
from django.core import serializers
from reversion.models import Version

from aict_site.project_apps import content_models
from contacts.models import Office
from events.models import Event
from funding.models import Call, Scheme
from pages.models import Page, Reason, SiteSettings
from tests.admin_forms import admin_form_data
from tests.events.builders import make_event

ADMIN = "/" + settings.ADMIN_URL


def rows_except(*records):
    """Every content row as serialized text, but for the given records and the rows they
    own (restoring writes those back)."""
    skipped = {(type(r), r.pk) for r in records}
    for record in records:
        if isinstance(record, Scheme):
            skipped |= {(Call, pk) for pk in Call.objects.filter(scheme=record).values_list("pk")}
    rows = {}
    for model in content_models():
        for item in model._default_manager.order_by("pk"):
            if (model, item.pk) not in skipped and (model, (item.pk,)) not in skipped:
                rows[(model.__name__, item.pk)] = serializers.serialize("json", [item])
    return rows


def first_version(record):
    return Version.objects.get_for_object(record).order_by("pk").first()


def restore(client, record, version):
    opts = record._meta
    url = f"{ADMIN}{opts.app_label}/{opts.model_name}/{record.pk}/history/{version.pk}/"
    confirmation = client.get(url)
    assert confirmation.status_code == 200
    response = client.post(url, admin_form_data(confirmation))
    assert response.status_code == 302, response.content.decode()[:3000]
    return confirmation.content.decode()


def edit(client, record, **changes):
    opts = record._meta
    url = f"{ADMIN}{opts.app_label}/{opts.model_name}/{record.pk}/change/"
    response = client.post(url, admin_form_data(client.get(url), **changes))
    assert response.status_code == 302, response.content.decode()[:3000]


@pytest.fixture
def edited_site(staff_client, initial_content_with_revisions):
    """A site where colleagues have been at work since the first content."""
    pages = list(Page.objects.order_by("pk")[:2])
    for page in pages:
        edit(staff_client, page, title=f"{page.title} (revu)")
    first, second = Reason.objects.order_by("position")[:2]
    Reason.objects.filter(pk=first.pk).update(position=second.position)
    Reason.objects.filter(pk=second.pk).update(position=first.position)
    SiteSettings.objects.update(publisher="Lianes coopération, association loi 1901")
    lille, amiens = Office.objects.get(city="Lille"), Office.objects.get(city="Amiens")
    edit(staff_client, lille, notify_email="accueil-lille@lianes.example")
    edit(staff_client, amiens, opening_hours="Du lundi au vendredi")
    scheme = Scheme.objects.get(slug="ficol")
    with reversion.create_revision():
        Call.objects.create(scheme=scheme, title="FICOL 2027", is_published=True)
    with reversion.create_revision():
        event = make_event()
    edit(staff_client, event, title=f"{event.title} (nouvelle date)")
    return staff_client


@pytest.mark.django_db
def test_restoring_a_page_an_office_a_scheme_and_an_event_changes_nothing_else(edited_site):
    client = edited_site
    page = Page.objects.order_by("pk").first()
    before = rows_except(page)
    restore(client, page, first_version(page))
    assert "(revu)" not in Page.objects.get(pk=page.pk).title
    assert rows_except(page) == before

    amiens = Office.objects.get(city="Amiens")
    before = rows_except(amiens)
    restore(client, amiens, first_version(amiens))
    assert Office.objects.get(city="Lille").notify_email == "accueil-lille@lianes.example"
    assert rows_except(amiens) == before

    scheme = Scheme.objects.get(slug="ficol")
    before = rows_except(scheme)
    confirmation = restore(client, scheme, first_version(scheme))
    assert "FICOL 2027" in confirmation and "ajouté après cette version" in confirmation
    assert rows_except(scheme) == before
    assert SiteSettings.objects.get().publisher == "Lianes coopération, association loi 1901"

    event = Event.objects.order_by("pk").first()
    before = rows_except(event)
    restore(client, event, first_version(event))
    assert "(nouvelle date)" not in Event.objects.get(pk=event.pk).title
    assert rows_except(event) == before


@pytest.mark.django_db
def test_an_old_revision_of_many_records_restores_only_the_one_chosen(edited_site):
    """Databases loaded before this change hold one revision per app: restoring one page
    from it must not bring back the others."""
    client = edited_site
    with reversion.create_revision():
        for page in Page.objects.all():
            reversion.add_to_revision(page)
    second = Page.objects.order_by("pk")[1]
    Page.objects.filter(pk=second.pk).update(title="Titre changé après la révision commune")
    first = Page.objects.order_by("pk").first()
    Page.objects.filter(pk=first.pk).update(title="Autre titre")
    shared = Version.objects.get_for_object(first).order_by("-pk").first()
    assert shared.revision.version_set.count() == Page.objects.count()
    before = rows_except(first)
    confirmation = restore(client, first, shared)
    assert "Aucun autre enregistrement ne change" in confirmation
    assert rows_except(first) == before
    assert Page.objects.get(pk=second.pk).title == "Titre changé après la révision commune"


@pytest.mark.django_db
def test_two_versions_compare_side_by_side(edited_site):
    client = edited_site
    page = Page.objects.order_by("pk").first()
    versions = Version.objects.get_for_object(page).order_by("pk")
    history = client.get(f"{ADMIN}pages/page/{page.pk}/history/").content.decode()
    assert "Comparer les deux versions" in history
    url = f"{ADMIN}pages/page/{page.pk}/history/compare/"
    html = client.get(url, {"avant": versions[0].pk, "apres": versions.last().pk}).content.decode()
    assert "<ins>(revu)</ins>" in html
    assert "Restaurer la version du" in html
    other = Page.objects.order_by("pk")[1]
    foreign = first_version(other).pk
    assert client.get(url, {"avant": foreign, "apres": versions[0].pk}).status_code == 404
    assert client.get(url, {"avant": "x", "apres": "1"}).status_code == 404
