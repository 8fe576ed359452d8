"""Registration: stored first, staff told after commit, never overbooked, never a 500."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from aict_site.publicforms import timestamp
from events.models import Event, Registration
from tests.events.builders import make_event, make_registration
from tests.helpers import csrf_session, post_at_once, squashed


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


def form(**overrides):
    data = {
        "name": "Camille Martin",
        "email": "camille@mairie-exemple.fr",
        "organisation": "Mairie d’Exemple",
        "authority_type": "",
        "website": "",
        "shown_at": timestamp("registration", 30),
    }
    data.update(overrides)
    return data


def register(client, event, capture, **overrides):
    with capture(execute=True):
        return client.post(event.get_absolute_url(), form(**overrides))


def own_page(client, event, email="camille@mairie-exemple.fr"):
    """The registrant's page, from the link their email gives (events.registrations.ticket)."""
    from events import registrations

    registration = event.registrations.get(email__iexact=email)
    url = reverse(
        "events:registered",
        kwargs={"slug": event.slug, "ticket": registrations.ticket(registration)},
    )
    return client.get(url)


@pytest.mark.django_db
def test_a_registration_is_confirmed_and_staff_are_told(
    client, initial_content, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.NOTIFY_EMAILS = ["equipe@lianes.example"]
    event = make_event(capacity=20)
    response = register(client, event, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == "confirmed" and registration.notified_at
    assert response["Location"] == f"{event.get_absolute_url()}inscription-recue/"
    page = own_page(client, event).content.decode()
    assert "Votre inscription est confirmée" in page
    assert mailoutbox[0].to == ["equipe@lianes.example"]
    assert mailoutbox[0].reply_to == ["camille@mairie-exemple.fr"]
    assert "Il reste 19 places." in client.get(event.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_staff_of_the_office_holding_the_event_are_told(
    client, initial_content, mailoutbox, settings, django_capture_on_commit_callbacks
):
    from contacts.models import Office

    settings.NOTIFY_EMAILS = ["equipe@lianes.example"]
    amiens = Office.objects.get(city="Amiens")
    amiens.notify_email = "amiens@lianes.example"
    amiens.save()
    event = make_event(office=amiens, capacity=20)
    assert register(client, event, django_capture_on_commit_callbacks).status_code == 302
    # The staff's message goes first; the registrant's own follows.
    assert mailoutbox[-2].to == ["amiens@lianes.example"]
    online = make_event("En ligne", place=Event.Place.ONLINE, online_url="https://visio.example")
    register(client, online, django_capture_on_commit_callbacks, email="autre@x.org")
    assert mailoutbox[-2].to == ["equipe@lianes.example"], "no office: the fallback addresses"


@pytest.mark.django_db
def test_an_address_registers_once_per_event_and_the_form_never_says_who_is_registered(
    client, initial_content, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(capacity=20)
    first = register(client, event, django_capture_on_commit_callbacks)
    assert first.status_code == 302
    mailed = [m for m in mailoutbox if m.to == ["camille@mairie-exemple.fr"]]
    assert len(mailed) == 1
    again = register(
        client, event, django_capture_on_commit_callbacks, email="CAMILLE@Mairie-Exemple.fr",
        name="Camille encore",
    )  # fmt: skip
    # The same answer as for a new address: nothing tells a visitor who registered…
    assert again.status_code == 302 and again["Location"] == first["Location"]
    page = client.get(again["Location"]).content.decode()
    assert "déjà inscrite à cet événement" not in page and "Demande d’inscription reçue" in page
    assert Registration.objects.count() == 1
    # …and the registrant gets their link again, by email.
    reminders = [m for m in mailoutbox if m.to == ["camille@mairie-exemple.fr"]]
    assert len(reminders) == 2
    from events import registrations

    link = re.search(r"/inscription/([^/\s]+)/", reminders[1].body).group(1)
    assert registrations.from_ticket(link, event.slug) == Registration.objects.get()
    other = make_event("Atelier eau", capacity=20)
    assert register(client, other, django_capture_on_commit_callbacks).status_code == 302


@pytest.mark.django_db
def test_probing_addresses_is_refused_before_any_lookup(
    client, initial_content, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    event = make_event(capacity=20)
    register(client, event, django_capture_on_commit_callbacks)
    # A forged timestamp: refused before the registrations are read, whatever the address.
    with CaptureQueriesContext(connection) as queries:
        known = client.post(event.get_absolute_url(), form(shown_at="forged"))
    unknown = client.post(event.get_absolute_url(), form(shown_at="forged", email="x@y.org"))
    assert known.status_code == unknown.status_code
    assert not [q for q in queries if "events_registration" in q["sql"]]
    assert "déjà inscrite à cet événement" not in known.content.decode()


@pytest.mark.django_db
def test_the_database_refuses_a_second_seat_for_one_address(initial_content):
    event = make_event(capacity=20)
    fields = {"event": event, "name": "A", "organisation": "O", "status": "confirmed"}
    Registration.objects.create(email="a@x.org", **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(email="A@X.org", **fields)


@pytest.mark.django_db
def test_registrations_are_rate_limited_like_the_contact_form(
    client, initial_content, settings, django_capture_on_commit_callbacks
):
    settings.FORM_RATE_LIMIT = 2
    event = make_event(capacity=20)
    for index in range(2):
        response = register(
            client, event, django_capture_on_commit_callbacks, email=f"p{index}@x.org"
        )
        assert response.status_code == 302
    response = register(client, event, django_capture_on_commit_callbacks, email="p3@x.org")
    assert response.status_code == 429
    assert "Réessayez dans une heure" in response.content.decode()
    assert Registration.objects.count() == 2


@pytest.mark.django_db
def test_the_online_link_is_shown_only_to_registrants(
    client, initial_content, django_capture_on_commit_callbacks
):
    event = make_event(place=Event.Place.ONLINE, online_url="https://visio.example.org/secret-room")
    assert "secret-room" not in client.get(event.get_absolute_url()).content.decode()
    response = register(client, event, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    own = own_page(client, event)
    assert "https://visio.example.org/secret-room" in own.content.decode()
    tampered = own.request["PATH_INFO"].replace("inscription/", "inscription/x")
    assert client.get(tampered).status_code == 404


@pytest.mark.django_db
def test_once_full_new_registrations_go_on_the_waiting_list(
    client, initial_content, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    register(client, event, django_capture_on_commit_callbacks)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Complet\u00a0: les nouvelles inscriptions vont sur la liste d’attente." in html
    register(client, event, django_capture_on_commit_callbacks, email="autre@example.org")
    waiting = own_page(client, event, "autre@example.org").content.decode()
    assert "Vous êtes sur la liste d’attente" in waiting
    assert list(Registration.objects.values_list("status", flat=True)) == ["confirmed", "waiting"]


@pytest.mark.django_db
def test_closed_or_past_events_refuse_registrations(client, initial_content):
    closed = make_event("Fermé", is_registration_open=False)
    assert "Les inscriptions sont closes." in client.get(closed.get_absolute_url()).content.decode()
    assert client.post(closed.get_absolute_url(), form()).status_code == 400
    past = make_event("Passé", starts_in=timedelta(days=-3))
    assert client.post(past.get_absolute_url(), form()).status_code == 400
    assert Registration.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides",
    [{"email": "pas-une-adresse"}, {"name": ""}, {"name": "x" * 5000}, {"authority_type": "abc"},
     {"name": "Nom\r\nBcc: x@example.org"}],
)  # fmt: skip
def test_bad_input_gets_field_errors_never_a_500(client, initial_content, overrides):
    event = make_event()
    response = client.post(event.get_absolute_url(), form(**overrides))
    assert response.status_code == 200
    assert "L’inscription n’est pas encore enregistrée" in response.content.decode()
    assert Registration.objects.count() == 0


@pytest.mark.django_db
def test_markup_typed_in_a_field_is_stored_as_typed_and_shown_escaped(
    client, initial_content, django_capture_on_commit_callbacks
):
    event = make_event()
    response = register(
        client, event, django_capture_on_commit_callbacks,
        organisation="<script>alert(1)</script>",
    )  # fmt: skip
    assert response.status_code == 302
    assert Registration.objects.get().organisation == "<script>alert(1)</script>"
    page = own_page(client, event).content.decode()
    assert "<script>alert(1)</script>" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides", [{"website": "spam"}, {"shown_at": "just now"}, {"shown_at": "forged"}]
)
def test_robots_are_refused_and_nothing_is_stored(client, initial_content, overrides):
    if overrides.get("shown_at") == "just now":
        overrides = {"shown_at": timestamp("registration", 0)}
    event = make_event()
    response = client.post(event.get_absolute_url(), form(**overrides))
    assert response.status_code == 400
    assert "Mairie d’Exemple" in response.content.decode()
    assert Registration.objects.count() == 0


@pytest.mark.django_db
def test_invalid_utf8_is_not_a_crash(client, initial_content):
    event = make_event()
    response = client.post(
        event.get_absolute_url(), b"name=\xff\xfe", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 400)


@pytest.mark.django_db
def test_admin_moves_someone_off_the_waiting_list_closes_and_exports(staff_client, initial_content):
    event = make_event(capacity=1)
    make_registration(event, "A")
    waiting = make_registration(event, "B", status="waiting")
    registrations = reverse("admin:events_registration_changelist")
    events = reverse("admin:events_event_changelist")
    staff_client.post(
        registrations,
        {"action": "confirm_from_waiting_list", "_selected_action": [waiting.pk]},
    )
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    staff_client.post(events, {"action": "close_registration", "_selected_action": [event.pk]})
    assert not Event.objects.get(pk=event.pk).is_registration_open
    response = staff_client.post(
        events, {"action": "export_registrants", "_selected_action": [event.pk]}
    )
    content = response.content.decode()
    assert (
        content.startswith("\ufeff")
        and "a@mairie-exemple.fr" in content
        and "b@mairie-exemple.fr" in content
    )
    change = reverse("admin:events_event_change", args=[event.pk])
    assert staff_client.get(change).status_code == 200


@pytest.mark.django_db
def test_registrations_follow_the_retention_rule_and_personal_data_rights(
    staff_client, initial_content
):
    from django.utils import timezone

    event = make_event()
    old = make_registration(event, "A")
    Registration.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=2000))
    kept = make_registration(event, "B", email="b@x.org", organisation="O")
    call_command("purge_visitor_data", verbosity=0)
    assert list(Registration.objects.values_list("pk", flat=True)) == [kept.pk]
    from aict_site.personal_data import erase, held_about

    assert held_about("B@x.org")["event_registrations"][0]["organisation"] == "O"
    erase(["b@x.org"], staff_client.user)
    assert not Registration.objects.exists()


def test_50_registrations_at_once_for_the_last_10_seats(
    live_server, transactional_db, django_db_serialized_rollback, settings
):
    call_command("load_initial_content", verbosity=0)
    settings.FORM_RATE_LIMIT = 10_000
    cache.clear()
    event = make_event("Dernières places", capacity=12)
    for index in range(2):
        make_registration(event, f"Déjà {index}")
    url = live_server.url + event.get_absolute_url()
    token, cookie = csrf_session(url)
    forms = [
        form(name=f"Personne {i}", email=f"p{i}@x.org", csrfmiddlewaretoken=token)
        for i in range(50)
    ]
    statuses = post_at_once(url, forms, cookie)
    assert statuses.count(200) == 50, sorted(set(statuses))
    new = Registration.objects.filter(event=event, name__startswith="Personne")
    assert new.filter(status="confirmed").count() == 10
    assert new.filter(status="waiting").count() == 40
    assert Registration.objects.filter(event=event, status="confirmed").count() == event.capacity


@pytest.mark.django_db
def test_a_hybrid_event_gives_its_link_to_registrants_and_the_confirmation_repeats_when_and_where(
    client, initial_content, django_capture_on_commit_callbacks
):
    from django.core.exceptions import ValidationError

    from contacts.models import Office

    lille = Office.objects.get(city="Lille")
    event = make_event(
        "Atelier hybride", office=lille, also_online=True,
        online_url="https://visio.example.org/salle-hybride", capacity=1,
    )  # fmt: skip
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Ou en ligne\u00a0: le lien est donné après l’inscription." in page
    assert "salle-hybride" not in page

    register(client, event, django_capture_on_commit_callbacks)
    confirmed = own_page(client, event)
    html = squashed(confirmed.content.decode())
    assert "https://visio.example.org/salle-hybride" in html
    assert "<dt>Quand</dt>" in html and event.starts_at.strftime("%Y") in html
    assert "<dt>Où</dt>" in html and "Bureaux à Lille" in html
    assert "Ou en ligne, avec le lien ci-dessus." in html

    register(client, event, django_capture_on_commit_callbacks, email="autre@example.org")
    waiting = own_page(client, event, "autre@example.org").content.decode()
    assert "liste d’attente" in waiting and "salle-hybride" not in waiting

    event.online_url = ""
    with pytest.raises(ValidationError, match="lien de connexion"):
        event.full_clean()


@pytest.mark.django_db
def test_the_same_registration_form_sent_twice_leads_twice_to_the_same_page(
    client, initial_content, django_capture_on_commit_callbacks
):
    event = make_event("Atelier FICOL", capacity=10)
    data = form()
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(event.get_absolute_url(), data)
        again = client.post(event.get_absolute_url(), data)
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    assert event.registrations.count() == 1
