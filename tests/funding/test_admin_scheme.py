"""A scheme's form shows what the rest of the site attaches to it: its documents, events and
news, each a link to its form, and links to add one already attached."""

import pytest
from django.conf import settings

from funding.models import Scheme
from tests.resources.builders import make_resource

ADMIN = "/" + settings.ADMIN_URL


@pytest.mark.django_db
def test_a_schemes_form_lists_its_documents_and_adds_one_attached(staff_client, initial_content):
    scheme = Scheme.objects.get(slug="ficol")
    document = make_resource("Règlement FICOL 2027")
    document.schemes.add(scheme)
    html = staff_client.get(f"{ADMIN}funding/scheme/{scheme.pk}/change/").content.decode()
    change = f"{ADMIN}resources/resource/{document.pk}/change/"
    assert f'href="{change}">Règlement FICOL 2027</a>' in html
    add = f"{ADMIN}resources/resource/add/?schemes={scheme.pk}"
    assert f'href="{add}"' in html
    form = staff_client.get(add)
    assert form.context["adminform"].form.initial["schemes"] == [str(scheme.pk)]
