"""Registrations have the inbox's tools: a CSV export, and the export or erasure of all the
data held about the selected people, erasure after a page that lists what it deletes."""

import json

import pytest
from django.urls import reverse

from events.models import Registration
from tests.contacts.builders import make_contact_request
from tests.events.builders import make_event, make_registration

pytestmark = pytest.mark.django_db


def test_registrations_export_as_csv_and_their_people_data_exported_or_erased(
    staff_client, initial_content
):
    changelist = reverse("admin:events_registration_changelist")
    event = make_event("Atelier des jumelages")
    camille = make_registration(event, "Camille Martin", email="camille@example.org")
    other = make_registration(event, "Dominique Petit", email="dominique@example.org")
    make_contact_request("Camille Martin", email="Camille@example.org")

    csv = staff_client.post(changelist, {"action": "export_csv", "_selected_action": [camille.pk]})
    content = csv.content.decode("utf-8-sig")
    assert "Atelier des jumelages" in content and "Camille Martin" in content
    assert "Dominique Petit" not in content

    exported = json.loads(
        staff_client.post(
            changelist, {"action": "export_personal_data", "_selected_action": [camille.pk]}
        ).content
    )
    assert (
        len(exported[0]["event_registrations"]) == 1 and len(exported[0]["contact_requests"]) == 1
    )

    erase = {"action": "erase_personal_data", "_selected_action": [camille.pk]}
    page = staff_client.post(changelist, erase).content.decode()
    assert "Inscriptions (1)" in page and "Demandes de contact (1)" in page
    assert "Camille Martin — Atelier des jumelages" in page
    assert Registration.objects.count() == 2
    staff_client.post(changelist, {**erase, "confirmed": "yes"})
    assert list(Registration.objects.values_list("pk", flat=True)) == [other.pk]
