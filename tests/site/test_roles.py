"""The roles table of the README, checked cell by cell with a real account of each role doing
the thing through the admin (not by reading its permissions)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from contacts.models import ContactRequest, Office
from funding.models import Call, Scheme
from pages.models import Page, SiteSettings
from tests.admin_forms import admin_form_data
from tests.contacts.builders import make_contact_request
from tests.events.builders import make_event, make_registration

ADMIN = "/" + settings.ADMIN_URL
README = Path(settings.BASE_DIR) / "README.md"
ROLES = ("Rédaction", "Accueil", "Administration")


def table():
    """{row text: {role: bool}} from the README's « Staff roles » table."""
    section = README.read_text(encoding="utf-8").split("### Staff roles", 1)[1]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[1] in ("yes", "no"):
            rows[cells[0]] = dict(zip(ROLES, (cell == "yes" for cell in cells[1:]), strict=True))
        elif rows and not line.startswith("|"):
            break
    return rows


def change_url(record):
    return reverse(
        f"admin:{record._meta.app_label}_{record._meta.model_name}_change", args=[record.pk]
    )


def delete(client, record):
    url = reverse(
        f"admin:{record._meta.app_label}_{record._meta.model_name}_delete", args=[record.pk]
    )
    client.post(url, {"post": "yes"})
    return not type(record).objects.filter(pk=record.pk).exists()


def save(client, record, **changes):
    page = client.get(change_url(record))
    if page.status_code != 200 or 'name="_save"' not in page.content.decode():
        return False
    return client.post(change_url(record), admin_form_data(page, **changes)).status_code == 302


def edits_content(client):
    page = Page.objects.get(layout=Page.Layout.WHY)
    scheme = Scheme.objects.get(slug="ficol")
    return save(client, page, title="Pourquoi s’engager ?") and save(
        client, scheme, summary="Un résumé revu."
    )


def deletes_ordinary_items(client):
    page = Page.objects.create(title="Page ordinaire", slug="page-ordinaire", is_published=True)
    call = Call.objects.create(scheme=Scheme.objects.get(slug="ficol"), title="FICOL 2030")
    return delete(client, page) and delete(client, call) and delete(client, make_event())


def deletes_layout_pages(client):
    return delete(client, Page.objects.get(layout=Page.Layout.HOME))


def deletes_schemes_and_offices(client):
    return delete(client, Scheme.objects.get(slug="ficol")) and delete(
        client, Office.objects.get(city="Lille")
    )


def changes_routing(client):
    lille = Office.objects.get(city="Lille")
    save(client, lille, notify_email="ailleurs@lianes.example")
    return Office.objects.get(pk=lille.pk).notify_email == "ailleurs@lianes.example"


def changes_site_settings(client):
    return save(client, SiteSettings.objects.get(), publisher="Lianes coopération")


def follows_up_requests(client):
    request = make_contact_request()
    save(client, request, status=ContactRequest.Status.HANDLED, internal_notes="Rappelée.")
    return ContactRequest.objects.get(pk=request.pk).status == ContactRequest.Status.HANDLED


def exported(client, changelist, action, record):
    response = client.post(reverse(changelist), {"action": action, "_selected_action": [record.pk]})
    return "text/csv" in response.get("Content-Type", "")


def exports_visitors_data(client):
    requests = exported(
        client, "admin:contacts_contactrequest_changelist", "export_csv", make_contact_request()
    )
    registrations = exported(
        client,
        "admin:events_registration_changelist",
        "export_csv",
        make_registration(make_event()),
    )
    return requests and registrations


def erases_a_person(client):
    request = make_contact_request()
    erase = {"action": "erase_personal_data", "_selected_action": [request.pk], "confirmed": "yes"}
    client.post(reverse("admin:contacts_contactrequest_changelist"), erase)
    return not ContactRequest.objects.filter(pk=request.pk).exists()


def manages_accounts(client):
    return client.get(reverse("admin:auth_user_changelist")).status_code == 200


CHECKS = {
    "edit pages, schemes, calls, events, news, resources, partners, offices": edits_content,
    "delete an ordinary page, a call, an event, a news item": deletes_ordinary_items,
    "delete the home page or a page with a layout": deletes_layout_pages,
    "delete a scheme or an office": deletes_schemes_and_offices,
    "change the address that receives an office's requests": changes_routing,
    "change the site settings (legal notice, accessibility statement)": changes_site_settings,
    "read and follow up contact requests and registrations": follows_up_requests,
    "export visitors' data (CSV, JSON)": exports_visitors_data,
    "erase a person's data": erases_a_person,
    "manage accounts, roles and lock-outs": manages_accounts,
}


def test_every_row_of_the_readme_table_has_a_check():
    assert set(table()) == set(CHECKS)


def account(django_user_model, role):
    user = django_user_model.objects.create_user(
        re.sub(r"\W", "", role.lower()), password="x", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", sorted(CHECKS))
def test_each_role_can_do_what_the_readme_says_and_nothing_more(
    django_user_model, initial_content, role, row
):
    client = account(django_user_model, role)
    assert CHECKS[row](client) is table()[row][role], f"{role}: {row}"


@pytest.mark.django_db
def test_the_dashboard_shows_each_role_what_it_can_act_on(django_user_model, initial_content):
    SiteSettings.objects.update(publication_director="")
    make_contact_request()
    settings_url = change_url(SiteSettings.objects.get())
    editor = account(django_user_model, "Rédaction").get(ADMIN).content.decode()
    assert settings_url not in editor
    assert "réservé" not in editor and "qu’un administrateur du site peut remplir" in editor
    assert "contactrequest" not in editor
    reception = account(django_user_model, "Accueil").get(ADMIN).content.decode()
    assert "contactrequest" in reception and settings_url not in reception
    administrator = account(django_user_model, "Administration").get(ADMIN).content.decode()
    assert settings_url in administrator


@pytest.mark.django_db
def test_editors_cannot_export_registrants_from_the_events_list(django_user_model, initial_content):
    event = make_event()
    make_registration(event)
    editor = account(django_user_model, "Rédaction")
    assert not exported(editor, "admin:events_event_changelist", "export_registrants", event)
    administrator = account(django_user_model, "Administration")
    assert exported(administrator, "admin:events_event_changelist", "export_registrants", event)
