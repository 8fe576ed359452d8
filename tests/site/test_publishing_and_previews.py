"""Every new item starts unpublished; staff reach each record's public place from its change
form (« Voir sur le site »), and a draft there as a preview no visitor gets."""

import pytest
from django.contrib import admin
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.test import Client
from django.urls import reverse

from aict_site.project_apps import content_models
from directory.models import Authority
from tests.events.builders import make_event
from tests.funding.builders import make_scheme

pytestmark = pytest.mark.django_db


def public_models():
    """The content staff edit for the site, but the shared vocabularies (themes, countries…),
    which have no page of their own."""
    return [
        model
        for model in content_models()
        if model in admin.site._registry and model._meta.app_label != "reference"
    ]


def test_every_new_item_of_every_kind_starts_unpublished():
    defaults = {
        model.__name__: model._meta.get_field("is_published").default
        for model in content_models()
        if any(field.name == "is_published" for field in model._meta.get_fields())
    }
    assert {"Page", "Scheme", "Call", "Event", "Partner", "ContactSubject"} <= defaults.keys()
    assert {name for name, default in defaults.items() if default is not False} == set()


def test_every_change_form_leads_to_the_records_place_on_the_site(staff_client, initial_content):
    make_event()
    missing = []
    for model in public_models():
        record = model.objects.order_by("pk").first()
        if record is None:
            continue
        html = staff_client.get(reverse(admin_urlname(model._meta, "change"), args=[record.pk]))
        if 'class="viewsitelink"' not in html.content.decode():
            missing.append(model.__name__)
            continue
        assert staff_client.get(record.get_absolute_url()).status_code == 200, model.__name__
    assert missing == []


@pytest.mark.parametrize("kind", ["scheme", "event", "authority"])
def test_a_draft_is_a_preview_for_staff_and_a_404_for_visitors(kind, staff_client, initial_content):
    visitor = Client()  # staff_client is the logged-in `client`
    if kind == "scheme":
        draft = make_scheme("Fonds en préparation", is_published=False)
    elif kind == "event":
        draft = make_event("Rencontre en préparation", is_published=False)
    else:
        draft = Authority.objects.first()
        draft.is_published = False
        draft.save()
    url = draft.get_absolute_url()
    assert visitor.get(url).status_code == 404
    preview = staff_client.get(url)
    assert preview.status_code == 200
    assert "Aperçu\u00a0: ce contenu n’est pas publié." in preview.content.decode()
    assert "no-cache" in preview["Cache-Control"]
    assert visitor.get(url).status_code == 404  # the preview was not cached for visitors
