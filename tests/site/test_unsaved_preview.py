"""« Prévisualiser » shows the public page with the changes typed so far, and keeps nothing:
no saved change, no revision, no « modifié avec succès »."""

import pytest
from django.conf import settings
from reversion.models import Version

from events.models import Event
from funding.models import Scheme
from news.models import NewsItem
from pages.models import Page
from tests.admin_forms import admin_form_data
from tests.events.builders import make_event
from tests.helpers import squashed

ADMIN = "/" + settings.ADMIN_URL
NOTICE = "Aperçu des modifications non enregistrées"


def records():
    return {
        "page": Page.objects.get(slug="pourquoi-engager-sa-collectivite"),
        "scheme": Scheme.objects.get(slug="ficol"),
        "news": NewsItem.objects.order_by("pk").first(),
        "event": make_event(),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["page", "scheme", "news", "event"])
def test_preview_shows_the_typed_changes_and_saves_nothing(staff_client, initial_content, kind):
    record = records()[kind]
    opts = record._meta
    url = f"{ADMIN}{opts.app_label}/{opts.model_name}/{record.pk}/change/"
    form = staff_client.get(url)
    assert 'name="_preview"' in form.content.decode()
    title_field = "title"
    typed = "Un titre tapé mais pas encore enregistré"
    versions = Version.objects.get_for_object(record).count()
    data = admin_form_data(form, **{title_field: typed, "_preview": "Prévisualiser"})
    preview = staff_client.post(url, data)
    assert preview.status_code == 200
    html = squashed(preview.content.decode())
    assert typed in html and NOTICE in html
    assert "no-store" in preview["Cache-Control"]
    record.refresh_from_db()
    assert record.title != typed
    assert Version.objects.get_for_object(record).count() == versions
    after = staff_client.get(url).content.decode()
    assert "avec succès" not in after


@pytest.mark.django_db
def test_a_preview_of_an_invalid_form_gives_the_form_back_with_its_errors(
    staff_client, initial_content
):
    page = Page.objects.get(slug="pourquoi-engager-sa-collectivite")
    url = f"{ADMIN}pages/page/{page.pk}/change/"
    data = admin_form_data(staff_client.get(url), title="", _preview="Prévisualiser")
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "Ce champ est obligatoire" in response.content.decode()
    assert Page.objects.get(pk=page.pk).title == page.title


@pytest.mark.django_db
def test_a_new_event_can_be_previewed_before_its_first_save(staff_client, initial_content):
    event = make_event(title="Modèle d’atelier")
    form = staff_client.get(f"{ADMIN}events/event/{event.pk}/change/")
    data = admin_form_data(form, title="Atelier jamais enregistré", slug="atelier-jamais",
                           _preview="Prévisualiser")  # fmt: skip
    response = staff_client.post(f"{ADMIN}events/event/add/", data)
    assert response.status_code == 200
    assert "Atelier jamais enregistré" in response.content.decode()
    assert not Event.objects.filter(slug="atelier-jamais").exists()
