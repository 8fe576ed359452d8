"""Every page's title names the page, then the site once: the base template adds the suffix."""

import re

import pytest
from django.urls import reverse


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        reverse("pages:home"),
        reverse("funding:scheme-list"),
        reverse("funding:scheme-list") + "?theme=jeunesse",
        reverse("directory:authority-list"),
        reverse("contacts:contact"),
        reverse("partners:list"),
        reverse("events:upcoming"),
        reverse("pages:search") + "?q=eau",
        "/une-page-qui-n-existe-pas/",
    ],
)
def test_each_title_names_the_site_once_at_the_end(client, initial_content, url):
    html = client.get(url).text
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title.count("Lianes coopération") == 1, title
    assert title.endswith(" – Lianes coopération") or title == "Lianes coopération", title
    assert "  " not in title and title == title.strip()
