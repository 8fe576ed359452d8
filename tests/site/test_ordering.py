"""Staff order lists with « Monter » / « Descendre » (the keyboard's and the no-script way;
drag and drop is tested in the browser), and no two items ever share a position."""

import re

import pytest
from django.urls import reverse

from contacts.models import Partner
from pages.models import Reason
from tests.admin_forms import admin_form_data
from tests.funding.builders import make_funder, make_scheme

pytestmark = pytest.mark.django_db


def move_button(html, label):
    """The form action of the button whose label is `label`, as the list shows it."""
    match = re.search(
        rf'formaction="([^"]+)" name="direction" value="(up|down)"\s+id="[^"]+"\s+title="{label}"',
        html,
    )
    assert match, label
    return match.groups()


def titles(model):
    return list(model.objects.order_by("position").values_list("position", "title"))


def test_a_reason_moves_up_and_down_with_the_lists_buttons(staff_client, initial_content):
    changelist = reverse("admin:pages_reason_changelist")
    html = staff_client.get(changelist).content.decode()
    third = Reason.objects.get(position=3)
    url, direction = move_button(html, f"Monter : {third}")
    response = staff_client.post(
        url, {"direction": direction}, HTTP_REFERER=f"http://testserver{changelist}"
    )
    assert response.status_code == 302
    assert response["Location"].split("#")[0].endswith(changelist)
    assert Reason.objects.get(pk=third.pk).position == 2
    positions = [position for position, _title in titles(Reason)]
    assert positions == list(range(1, len(positions) + 1))

    first = Reason.objects.get(position=1)
    staff_client.post(url.replace(str(third.pk), str(first.pk)), {"direction": "up"})
    assert Reason.objects.get(pk=first.pk).position == 1  # already first: stays
    staff_client.post(url.replace(str(third.pk), str(first.pk)), {"direction": "down"})
    assert Reason.objects.get(pk=first.pk).position == 2


def test_a_new_item_goes_last_and_positions_stay_distinct(staff_client, initial_content):
    add = reverse("admin:contacts_partner_add")
    response = staff_client.post(
        add, admin_form_data(staff_client.get(add), name="Nouveau partenaire", kind="network")
    )
    assert response.status_code == 302
    positions = list(Partner.objects.values_list("position", flat=True))
    assert Partner.objects.get(name="Nouveau partenaire").position == max(positions)
    assert len(set(positions)) == len(positions)


def test_a_scheme_moves_among_its_funders_schemes(staff_client):
    funder, other = make_funder("Ministère"), make_funder("Agence")
    first = make_scheme("Premier appel", funder=funder, position=1)
    second = make_scheme("Second appel", funder=funder, position=2)
    elsewhere = make_scheme("Appel d’une agence", funder=other, position=1)
    url = reverse("admin:funding_scheme_move", args=[second.pk])
    staff_client.post(url, {"direction": "up"})
    order = list(funder.schemes.order_by("position").values_list("title", "position"))
    assert order == [("Second appel", 1), ("Premier appel", 2)]
    elsewhere.refresh_from_db()
    assert elsewhere.position == 1 and first.title == order[1][0]


def test_moving_needs_a_post_and_the_right_to_change(client, staff_client, initial_content):
    reason = Reason.objects.get(position=2)
    url = reverse("admin:pages_reason_move", args=[reason.pk])
    assert staff_client.get(url).status_code == 405
    client.logout()
    response = client.post(url, {"direction": "up"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert Reason.objects.get(pk=reason.pk).position == 2


def test_the_public_list_follows_a_move_at_once(staff_client, initial_content):
    from django.test import Client

    visitor = Client()
    funders = fragment_of(visitor.get("/partenaires/").content.decode(), "Financeurs")
    assert funders.index("FONJEP") < funders.index("Fondation Norsys")  # now cached
    norsys = Partner.objects.get(name="Fondation Norsys")
    fonjep = Partner.objects.get(name="FONJEP")
    while Partner.objects.get(pk=norsys.pk).position > fonjep.position:  # past the partners between
        move = reverse("admin:contacts_partner_move", args=[norsys.pk])
        staff_client.post(move, {"direction": "up"})
        fonjep.refresh_from_db()
    funders = fragment_of(visitor.get("/partenaires/").content.decode(), "Financeurs")
    assert funders.index("Fondation Norsys") < funders.index("FONJEP")


def fragment_of(html, heading):
    return html[html.index(f">{heading}</h2>") :]
