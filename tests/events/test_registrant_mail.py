"""The registrant's side, through a real SMTP server: a confirmation email with the event as an
.ics file and a link to cancel; cancelling frees the seat for the first person waiting, who is
told; the site never writes twice in an hour to an address typed in the form."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from icalendar import Calendar

from events import registrations
from events.models import Event, Registration
from tests.events.builders import make_event, make_registration
from tests.events.test_registration import form


def register(client, event, capture, **overrides):
    with capture(execute=True):
        return client.post(event.get_absolute_url(), form(**overrides))


def mails_to(smtp, address):
    return [message for recipients, message in smtp.messages if recipients == [address]]


def subject(message):
    # Python folds a long encoded subject after « Subject: »; mail clients show it unfolded.
    return str(message["Subject"]).strip()


def text_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def link(message, name):
    """The address following `name` in the email's text (a path of the site)."""
    found = re.search(name + r"\s*:?\s*\n?(https?://\S+)", text_of(message))
    assert found, f"no link after « {name} »"
    return found.group(1).removeprefix("http://127.0.0.1:8000")


def calendar_attached(message):
    [attachment] = [part for part in message.iter_attachments()]
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_filename().endswith(".ics")
    return Calendar.from_ical(attachment.get_content())


@pytest.mark.django_db
def test_the_registrant_gets_a_confirmation_with_the_event_and_a_link_to_cancel(
    client, initial_content, smtp, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "http://127.0.0.1:8000"
    smtp.start()
    event = make_event(
        "Atelier jumelages", capacity=20, also_online=True, online_url="https://visio.example/j"
    )
    assert register(client, event, django_capture_on_commit_callbacks).status_code == 302

    assert len(mails_to(smtp, "equipe@lianes.example")) == 1, "staff are told too"
    [mail] = mails_to(smtp, "camille@mairie-exemple.fr")
    assert mail["From"] == settings.DEFAULT_FROM_EMAIL
    assert subject(mail) == "Inscription confirmée : Atelier jumelages"
    body = text_of(mail)
    assert "Bonjour Camille Martin," in body
    assert "Votre inscription à «\u00a0Atelier jumelages\u00a0» est confirmée." in body
    assert "Quand\u00a0: " in body, "French spacing in the email too"
    assert "https://visio.example/j" in body, "the connection link, for a registrant with a seat"
    [item] = calendar_attached(mail).walk("VEVENT")
    assert str(item["summary"]) == "Atelier jumelages"
    assert item.decoded("dtstart") == event.starts_at
    assert "https://visio.example/j" in str(item["description"])
    registration = Registration.objects.get()
    assert registration.registrant_mailed_at and not registration.registrant_mail_due

    page = client.get(link(mail, "Votre inscription")).content.decode()
    assert "Votre inscription est confirmée" in page
    assert "Un courriel reprenant ces informations et le lien d’annulation est envoyé" in page
    assert Registration.objects.count() == 1


@pytest.mark.django_db
def test_the_form_cannot_be_used_to_flood_a_mailbox(
    client, initial_content, smtp, django_capture_on_commit_callbacks
):
    from events.registrations import REGISTRANT_MAILS_PER_HOUR

    smtp.start()
    events = [make_event(f"Atelier {n}", capacity=20) for n in range(REGISTRANT_MAILS_PER_HOUR + 1)]
    capture = django_capture_on_commit_callbacks
    for event in events:
        response = register(client, event, capture, email="cible@exemple.fr")
        assert response.status_code == 302, "each registration itself is taken"
    # Asking again for a link (a known address) counts as well.
    register(client, events[0], capture, email="cible@exemple.fr")
    assert len(mails_to(smtp, "cible@exemple.fr")) == REGISTRANT_MAILS_PER_HOUR
    assert len(mails_to(smtp, "equipe@lianes.example")) == len(events), "staff hear of each"


@pytest.mark.django_db
def test_cancelling_frees_the_seat_for_the_first_person_waiting_who_is_told(
    client, initial_content, smtp, django_capture_on_commit_callbacks
):
    smtp.start()
    event = make_event("Séminaire", capacity=1)
    register(client, event, django_capture_on_commit_callbacks, email="premiere@exemple.fr")
    for address in ["attente1@exemple.fr", "attente2@exemple.fr"]:
        register(client, event, django_capture_on_commit_callbacks, email=address)
    waiting = mails_to(smtp, "attente1@exemple.fr")[0]
    assert subject(waiting) == "Liste d’attente : Séminaire"
    assert not list(waiting.iter_attachments()), "no calendar entry without a seat"

    cancel_url = link(mails_to(smtp, "premiere@exemple.fr")[0], "libérer votre place")
    question = client.get(cancel_url)
    assert question.status_code == 200
    assert "Annuler votre inscription\u202f?" in question.content.decode()
    assert "no-store" in question["Cache-Control"]
    assert Registration.objects.count() == 3, "opening the link cancels nothing"

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(cancel_url)
    assert "Votre inscription est annulée" in done.content.decode()
    assert not Registration.objects.filter(email="premiere@exemple.fr").exists()
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {"attente1@exemple.fr": "confirmed", "attente2@exemple.fr": "waiting"}
    told = mails_to(smtp, "attente1@exemple.fr")[-1]
    assert subject(told) == "Une place s’est libérée pour vous : Séminaire"
    assert calendar_attached(told).walk("VEVENT")
    assert len(mails_to(smtp, "attente2@exemple.fr")) == 1, "the second still waits, untold"

    again = client.post(cancel_url)
    assert again.status_code == 404
    assert "Cette inscription n’existe plus" in again.content.decode()


@pytest.mark.django_db
def test_a_link_to_a_cancelled_registration_never_reaches_the_one_that_takes_its_id(
    initial_content,
):
    event = make_event(capacity=5)
    old = make_registration(event, "Ancienne")
    token = registrations.ticket(old)
    old_id = old.pk
    old.delete()
    newcomer = make_registration(event, "Nouvelle", pk=old_id)
    Registration.objects.filter(pk=newcomer.pk).update(
        created_at=newcomer.created_at + timedelta(seconds=5)
    )
    assert registrations.from_ticket(token, event.slug) is None
    assert registrations.from_ticket(registrations.ticket(newcomer), "autre-evenement") is None


@pytest.mark.django_db
def test_a_past_event_cannot_be_cancelled(client, initial_content):
    event = make_event(starts_in=timedelta(days=-3))
    registration = make_registration(event)
    url = reverse(
        "events:cancel", kwargs={"slug": event.slug, "ticket": registrations.ticket(registration)}
    )
    assert "Cet événement a eu lieu" in client.get(url).content.decode()
    assert client.post(url).status_code == 400
    assert Registration.objects.filter(pk=registration.pk).exists()


@pytest.mark.django_db
def test_with_the_mail_server_down_the_registrant_is_written_to_later_once(
    client, initial_content, smtp, django_capture_on_commit_callbacks, django_user_model
):
    event = make_event(capacity=20)
    assert register(client, event, django_capture_on_commit_callbacks).status_code == 302
    registration = Registration.objects.get()
    assert registration.registrant_mail_due and registration.registrant_mail_error
    staff = django_user_model.objects.create_superuser("chef", "chef@lianes.example", "x")
    client.force_login(staff)
    dashboard = client.get(reverse("admin:index")).content.decode()
    assert "1 courriel aux personnes inscrites pas encore envoyé" in dashboard
    smtp.start()
    call_command("send_pending_notifications", verbosity=0)
    call_command("send_pending_notifications", verbosity=0)
    assert len(mails_to(smtp, "camille@mairie-exemple.fr")) == 1
    assert len(mails_to(smtp, "equipe@lianes.example")) == 1


@pytest.mark.django_db
def test_staff_freeing_seats_in_the_admin_promote_the_people_waiting(
    staff_client, initial_content, smtp, django_capture_on_commit_callbacks
):
    smtp.start()
    event = make_event(capacity=1)
    seated = make_registration(event, "Assise")
    first = make_registration(event, "Attente Un", status="waiting")
    second = make_registration(event, "Attente Deux", status="waiting")
    delete = reverse("admin:events_registration_delete", args=[seated.pk])
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(delete, {"post": "yes"})
    first.refresh_from_db()
    assert first.status == "confirmed" and first.promoted_at
    assert subject(mails_to(smtp, first.email)[0]).startswith("Une place s’est libérée")

    Event.objects.filter(pk=event.pk).update(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        registrations.seats_changed(event)
    second.refresh_from_db()
    assert second.status == "confirmed", "a capacity raised seats the next person waiting"
    assert len(mails_to(smtp, second.email)) == 1
