"""The staff inbox: read-only requests, status, CSV, personal-data rights, retention."""

import json
import logging
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse, reverse_lazy
from django.utils import timezone

from contacts.models import ContactRequest
from tests.admin_forms import admin_form_data
from tests.contacts.builders import make_contact_request

ADMIN = reverse_lazy("admin:contacts_contactrequest_changelist")


@pytest.mark.django_db
def test_inbox_lists_searches_and_filters(staff_client, initial_content):
    make_contact_request(name="Alice Dupont", status="handled")
    make_contact_request(name="Bruno Leroy")
    assert "Alice Dupont" in staff_client.get(ADMIN).content.decode()
    searched = staff_client.get(ADMIN, {"q": "Leroy"}).content.decode()
    assert "Bruno Leroy" in searched and "Alice Dupont" not in searched
    filtered = staff_client.get(ADMIN, {"status__exact": "new"}).content.decode()
    assert "Bruno Leroy" in filtered and "Alice Dupont" not in filtered


@pytest.mark.django_db
def test_what_the_visitor_wrote_is_read_only_but_status_and_notes_are_editable(
    staff_client, initial_content
):
    request = make_contact_request()
    url = f"{ADMIN}{request.pk}/change/"
    response = staff_client.post(
        url,
        {
            "status": "in_progress",
            "assignee": staff_client.user.pk,
            "internal_notes": "Rappeler lundi",
            "message": "modifié",
            "name": "Autre",
        },
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "in_progress"
    assert request.internal_notes == "Rappeler lundi"
    assert request.message == "Bonjour" and request.name == "Camille Martin"
    assert staff_client.get(f"{ADMIN}add/").status_code == 403


@pytest.mark.django_db
def test_reply_opens_a_mail_to_the_visitor_with_the_request_quoted(staff_client, initial_content):
    from urllib.parse import parse_qs, unquote, urlsplit

    request = make_contact_request()
    html = staff_client.get(f"{ADMIN}{request.pk}/change/").content.decode()
    link = re.search(r'<a class="button" href="(mailto:[^"]+)">Répondre par courriel</a>', html)
    assert link, "a reply button"
    parts = urlsplit(link.group(1).replace("&amp;", "&"))
    assert unquote(parts.path) == request.email
    fields = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert fields["subject"].startswith("Re\u00a0: ") or fields["subject"].startswith("Re : ")
    assert "Lianes coopération" in fields["subject"]
    assert fields["body"].startswith(f"Bonjour {request.name},")
    assert "> Bonjour" in fields["body"], "the request quoted"


@pytest.mark.django_db
def test_admin_index_shows_the_number_of_new_requests(staff_client, initial_content):
    make_contact_request()
    make_contact_request()
    make_contact_request(status="handled")
    html = staff_client.get(reverse("admin:index")).content.decode()
    assert "Demandes de contact (2 à traiter)" in html
    assert "Demandes" in html and "Réseau et contacts" in html


@pytest.mark.django_db
def test_csv_export_opens_in_excel(staff_client, initial_content):
    make_contact_request(message='=HYPERLINK("http://evil")', organisation="Mairie d’Amiens")
    response = staff_client.post(
        ADMIN,
        {
            "action": "export_csv",
            "_selected_action": ContactRequest.objects.values_list("pk", flat=True),
        },
    )
    content = response.content.decode("utf-8")
    assert response["Content-Type"].startswith("text/csv")
    assert content.startswith("\ufeff")
    assert "Mairie d’Amiens" in content
    assert "'=HYPERLINK" in content


@pytest.mark.django_db
def test_personal_data_export_and_erasure_are_logged_without_the_data(
    staff_client, initial_content, caplog
):
    first = make_contact_request(email="Camille@Example.org", message="Premier message")
    make_contact_request(email="camille@example.org", message="Second message")
    other = make_contact_request(email="autre@example.org")
    caplog.set_level(logging.INFO, logger="aict_site.personal_data")
    response = staff_client.post(
        ADMIN, {"action": "export_personal_data", "_selected_action": [first.pk]}
    )
    exported = json.loads(response.content)
    assert len(exported[0]["contact_requests"]) == 2
    assert {r["message"] for r in exported[0]["contact_requests"]} == {
        "Premier message",
        "Second message",
    }
    erase = {"action": "erase_personal_data", "_selected_action": [first.pk]}
    confirmation = staff_client.post(ADMIN, erase).content.decode()
    # First a page that lists what will be deleted, and nothing deleted yet.
    assert "Camille@Example.org" in confirmation and "Demandes de contact (2)" in confirmation
    assert ContactRequest.objects.count() == 3
    staff_client.post(ADMIN, {**erase, "confirmed": "yes"})
    assert list(ContactRequest.objects.values_list("pk", flat=True)) == [other.pk]
    assert "camille" not in caplog.text.lower() and "message" not in caplog.text
    assert "export by user" in caplog.text and "1 address(es), 2 record(s)" in caplog.text
    assert "erased by user" in caplog.text


@pytest.mark.django_db
def test_purge_deletes_requests_older_than_the_retention_period(initial_content, settings, capsys):
    settings.VISITOR_DATA_RETENTION_DAYS = 1095
    old = make_contact_request()
    ContactRequest.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=1096)
    )
    recent = make_contact_request()
    ContactRequest.objects.filter(pk=recent.pk).update(
        created_at=timezone.now() - timedelta(days=1000)
    )
    call_command("purge_visitor_data")
    out = capsys.readouterr().out
    assert "contact_requests: 1 record(s) older than 1095 days deleted" in out
    assert list(ContactRequest.objects.values_list("pk", flat=True)) == [recent.pk]
    # The former name, kept for existing cron lines, does the same job and says it is old.
    ContactRequest.objects.filter(pk=recent.pk).update(
        created_at=timezone.now() - timedelta(days=1100)
    )
    call_command("purge_contact_requests")
    assert "deprecated: use purge_visitor_data" in capsys.readouterr().err
    assert not ContactRequest.objects.exists()


@pytest.mark.django_db
def test_the_reception_role_follows_a_request_up_and_editors_do_not_see_it(
    client, django_user_model, initial_content
):
    from django.contrib.auth.models import Group

    request = make_contact_request()
    user = django_user_model.objects.create_user("claire", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Accueil"))
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    change = reverse("admin:contacts_contactrequest_change", args=[request.pk])
    response = client.post(
        change,
        admin_form_data(
            client.get(change),
            status=ContactRequest.Status.IN_PROGRESS,
            assignee=user.pk,
            internal_notes="Rappeler lundi.",
        ),
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.assignee, request.internal_notes) == (
        ContactRequest.Status.IN_PROGRESS, user, "Rappeler lundi.",
    )  # fmt: skip
    editor = django_user_model.objects.create_user("lou", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Rédaction"))
    client.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(change).status_code == 403


@pytest.mark.django_db
def test_a_bulk_status_change_is_in_each_requests_history(staff_client, initial_content):
    first, second = make_contact_request(), make_contact_request(name="Alex Roy")
    changelist = reverse("admin:contacts_contactrequest_changelist")
    response = staff_client.post(
        changelist,
        {"action": "mark_handled", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )
    assert "2 demandes traitées." in response.content.decode()
    for contact_request in (first, second):
        history = staff_client.get(
            reverse("admin:contacts_contactrequest_history", args=[contact_request.pk])
        ).content.decode()
        assert "Modifié : statut." in history, history[-3000:]
    again = staff_client.post(
        changelist, {"action": "mark_handled", "_selected_action": [first.pk]}, follow=True
    )
    assert "0 demande traitée." in again.content.decode()


@pytest.mark.django_db
def test_the_visitors_address_is_a_mail_link(staff_client, initial_content):
    contact_request = make_contact_request(email="camille.martin@mairie-exemple.fr")
    html = staff_client.get(
        reverse("admin:contacts_contactrequest_change", args=[contact_request.pk])
    ).content.decode()
    assert (
        '<a href="mailto:camille.martin@mairie-exemple.fr">camille.martin@mairie-exemple.fr</a>'
        in html
    )
