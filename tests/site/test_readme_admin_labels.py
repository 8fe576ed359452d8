"""The README and the docs name the admin's places as the admin shows them: each « *Group ›
List* » they give staff is a group of the admin's home page and a list in that group."""

import re
from pathlib import Path

import pytest
from django.contrib import admin
from django.test import RequestFactory

BASE = Path(__file__).resolve().parents[2]
DOCS = [BASE / "README.md", *sorted((BASE / "docs").glob("*.md"))]


@pytest.mark.django_db
def test_every_admin_place_the_readme_names_exists_under_that_name(django_user_model):
    request = RequestFactory().get("/")
    request.user = django_user_model.objects.create_superuser("chef", "chef@example.org", "x")
    index = {
        str(group["name"]): {re.sub(r" \(\d+[^)]*\)$", "", str(m["name"])) for m in group["models"]}
        for group in admin.site.get_app_list(request)
    }
    text = "\n".join(path.read_text(encoding="utf-8") for path in DOCS)
    places = re.findall(r"\*([^*›\n]+?) › ([^*\n]+?)\*", text)
    assert len(places) >= 5
    wrong = [f"{group} › {name}" for group, name in places if name not in index.get(group, set())]
    assert wrong == [], index
