"""Blocks that cache themselves (aict_site.fragments): rendered once, shown anew after an edit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from contacts.models import Person


@pytest.mark.django_db
def test_the_contact_card_is_rendered_once_and_shows_an_edit_at_once(
    client, settings, initial_content
):
    settings.PAGE_CACHE_SECONDS = 0  # the page itself rendered each time
    home = reverse("pages:home")
    client.get(home)
    with CaptureQueriesContext(connection) as captured:
        client.get(home)
    assert not any("contacts_person" in query["sql"] for query in captured)

    Person.objects.create(
        name="Camille Nouvelle", role="Chargée de mission", is_main_contact=True,
        is_published=True,
    )  # fmt: skip
    assert "Camille Nouvelle" in client.get(home).text
