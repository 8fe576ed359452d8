"""Staff and subscribers: the list with counts per criterion, the preview of the next
digest, the CSV export, deactivation, and visitors' rights over their data."""

import json
import re

import pytest
from django.urls import reverse

from alerts.models import Subscriber
from reference.models import Theme
from tests.alerts.builders import make_subscriber
from tests.funding.builders import make_call, make_scheme


@pytest.mark.django_db
def test_staff_see_subscribers_counts_and_the_next_digest(staff_client, initial_content):
    follower = make_subscriber("suiveur@exemple.fr", criteria={"calls": {"themes": ["jeunesse"]}})
    make_subscriber("actus@exemple.fr", criteria={"news": {}})
    make_subscriber("pas-confirme@exemple.fr", confirmed_at=None)
    page = staff_client.get(reverse("admin:alerts_subscriber_changelist")).content.decode()
    assert "suiveur@exemple.fr" in page and "Abonnés confirmés par critère" in page
    assert re.search(
        r"<td>Appels à projets</td>\s*<td>Sur les thèmes</td><td>Jeunesse et mobilité</td>"
        r"<td>1</td>",
        page,
    )
    youth = Theme.objects.get(slug="jeunesse")
    make_call(
        make_scheme("Fonds jeunesse", themes=[youth]), "Appel jeunesse 2027", closes_in_days=30
    )
    change = staff_client.get(reverse("admin:alerts_subscriber_change", args=[follower.pk]))
    assert "Fonds jeunesse — Appel jeunesse 2027" in change.content.decode()


@pytest.mark.django_db
def test_csv_export_deactivation_and_personal_data(staff_client, initial_content):
    subscriber = make_subscriber("export@exemple.fr")
    changelist = reverse("admin:alerts_subscriber_changelist")
    csv = staff_client.post(
        changelist, {"action": "export_csv", "_selected_action": [subscriber.pk]}
    )
    assert "export@exemple.fr" in csv.content.decode("utf-8-sig")
    data = staff_client.post(
        changelist, {"action": "export_personal_data", "_selected_action": [subscriber.pk]}
    )
    held = json.loads(data.content)
    assert "alert_subscribers" in json.dumps(held) and "export@exemple.fr" in json.dumps(held)
    staff_client.post(changelist, {"action": "deactivate", "_selected_action": [subscriber.pk]})
    assert Subscriber.objects.get().is_active is False
