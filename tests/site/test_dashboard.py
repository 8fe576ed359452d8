"""The admin's home page says what came in, what is coming up and what the public site lacks
before launch; `manage.py readiness` says the same to a deployment script."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from contacts.models import Office
from pages.models import SiteSettings
from tests.admin_forms import admin_form_data
from tests.contacts.builders import make_contact_request
from tests.events.builders import make_event, make_registration
from tests.funding.builders import make_call, make_scheme
from tests.helpers import fragment, squashed

pytestmark = pytest.mark.django_db

LEGAL = {
    "publisher": "Association Lianes coopération, 23 rue Gosselet, 59000 Lille",
    "publication_director": "Le président de l’association",
    "host_name": "Hébergeur Exemple SAS",
    "host_address": "1 rue de l’Hébergement, 75000 Paris",
}


def panels(client):
    html = squashed(client.get(reverse("admin:index")).content.decode())
    return (
        fragment(html, 'aria-labelledby="dashboard-activity"', "</section>"),
        fragment(html, 'aria-labelledby="dashboard-readiness"', "</section>"),
    )


def test_a_fresh_installation_lists_what_blocks_launch_each_item_linking_to_its_form(
    staff_client, initial_content, settings
):
    settings.NOTIFY_EMAILS = []
    _activity, readiness = panels(staff_client)
    assert "Le site public n’est pas prêt" in readiness
    assert "Mentions légales : le champ « éditeur du site » est vide." in readiness
    assert "Bureau « Bureaux à Lille » : ses demandes de contact n’arrivent à personne" in readiness
    assert "Partenaire à vérifier : « Direction Régionale de la Jeunesse" in readiness
    settings_url = reverse("admin:pages_sitesettings_change", args=[1])
    assert f'<a href="{settings_url}">Mentions légales' in readiness
    lille = Office.objects.get(city="Lille")
    office_url = reverse("admin:contacts_office_change", args=[lille.pk])
    assert f'<a href="{office_url}">Bureau « Bureaux à Lille »' in readiness

    # Fixed through the admin's own forms, each item leaves the list.
    response = staff_client.post(
        settings_url, admin_form_data(staff_client.get(settings_url), **LEGAL)
    )
    assert response.status_code == 302
    response = staff_client.post(
        office_url,
        admin_form_data(staff_client.get(office_url), notify_email="lille@lianes.example"),
    )
    assert response.status_code == 302
    _activity, readiness = panels(staff_client)
    assert "Mentions légales" not in readiness and "Bureaux à Lille" not in readiness
    assert "Bureau « Bureaux à Amiens »" in readiness  # still reaches nobody


def test_nothing_blocks_launch_once_every_fact_is_given(staff_client, initial_content, settings):
    settings.NOTIFY_EMAILS = ["contact@lianes.example"]
    SiteSettings.objects.filter(pk=1).update(**LEGAL)
    _activity, readiness = panels(staff_client)
    assert (
        "Le site public n’est pas prêt" not in readiness and "bloque l’ouverture" not in readiness
    )
    assert "Partenaire à vérifier" in readiness  # to do, but it does not block launch


def test_the_accessibility_statement_and_stale_schemes_are_listed(staff_client, initial_content):
    SiteSettings.objects.filter(pk=1).update(accessibility_statement_on=None)
    stale = make_scheme("Fonds vérifié il y a longtemps")
    stale.verified_on = timezone.localdate() - timedelta(days=400)
    stale.save()
    _activity, readiness = panels(staff_client)
    assert "Déclaration d’accessibilité : indiquez sa date" in readiness
    assert "Dispositif « Fonds vérifié il y a longtemps » : informations vérifiées le" in readiness
    assert reverse("admin:funding_scheme_change", args=[stale.pk]) in readiness
    assert "Fonds de coopération" not in readiness


def test_what_came_in_since_yesterday_and_what_is_coming_up(
    staff_client, initial_content, settings
):
    settings.NOTIFY_EMAILS = []
    make_contact_request("Claire Durand")
    event = make_event("Atelier des jumelages", office=None, place="online",
                       online_url="https://visio.example.org/atelier")  # fmt: skip
    make_registration(event, notified_at=timezone.now())
    scheme = make_scheme("Appel à projets du mois")
    make_call(scheme, "Édition qui se clôt bientôt", opens_in_days=-10, closes_in_days=20)
    make_call(scheme, "Édition lointaine", opens_in_days=50, closes_in_days=60)

    activity, _readiness = panels(staff_client)
    assert "Demandes de contact : 1 à traiter" in activity
    assert "Inscriptions : 1 depuis hier" in activity
    # The contact request was never sent to anyone: in red.
    assert (
        '<li class="alarm"><a href="/gestion/contacts/contactrequest/?notified=no">'
        "Demandes de contact : 1 notification à l’équipe pas encore envoyée"
    ) in activity
    assert "Édition qui se clôt bientôt" in activity and "Édition lointaine" not in activity
    assert "Inscriptions ouvertes : Atelier des jumelages (1 inscription)" in activity
    assert '<li class="alarm">' in activity and "personne ne serait prévenu" in activity
    assert "ou l’hébergeur règle NOTIFY_EMAILS" in activity
    for url in set(__import__("re").findall(r'href="([^"]+)"', activity)):
        assert staff_client.get(url.replace("&amp;", "&")).status_code == 200, url


def test_the_readiness_command_fails_while_something_blocks_launch(
    initial_content, settings, capsys
):
    settings.NOTIFY_EMAILS = ["contact@lianes.example"]
    with pytest.raises(CommandError, match="bloquent l’ouverture"):
        call_command("readiness")
    assert "[BLOQUE L’OUVERTURE] Mentions légales" in capsys.readouterr().out
    SiteSettings.objects.filter(pk=1).update(**LEGAL)
    call_command("readiness")
    out = capsys.readouterr().out
    assert "Rien ne bloque l’ouverture." in out and "[à faire] Partenaire à vérifier" in out
