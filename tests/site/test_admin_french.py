"""The admin speaks French from end to end: every page a superuser can open (lists, add and
change forms, histories, delete confirmations, the dashboard, the libraries' pages) is walked,
and none shows an English word from the list below or « de » before a vowel."""

import re
from html import unescape

import pytest
import reversion
from django.contrib import admin
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from reversion.models import Version

from tests.contacts.builders import make_contact_request
from tests.events.builders import make_event, make_registration

# Words the libraries leave in English; case matters where a French word is spelled alike.
ENGLISH = re.compile(
    r"\b(?:Can (?:add|change|delete|view)|Locked Out|User Agent|Heading \d|Paragraph|"
    r"(?:un)?ordered list|[Bb]lockquote|Bold|Italic|Add|Change|Delete|History|Save|Search|"
    r"Filter|Home|Username|Password|Attempts?|Failures?|Recover|Revert|Username|Select|"
    r"Show all|Today|Yesterday|Unknown|True|False|None|Remove|Clear|Choose|Currently|"
    r"Access|Failed|Successful|Logged|Path|Referer|Login|Logout|Object|Action time|"
    r"Deleted|Version|Revision|Comment|Date created|Date joined|Last login|Staff status|"
    r"Superuser status|Active|Groups|Important dates|Personal info)\b"
)
MISSING_ELISION = re.compile(r".{0,30}\b[Dd]e [AEIOUÉÈÊaeiouéèêâîôû]\w.{0,20}")
# (in the JSON of a data attribute, where « é » is written \u00e9)
INLINE_ADD = re.compile(r"Ajouter un objet [^&]{0,60} suppl(?:é|\\u00e9)mentaire")
# Stock wording: plurals written « (s) », machine-like list titles.
STOCK = re.compile(
    r".{0,30}(?:\w\(s\)|Sélectionnez l’objet|pourrez modifiez|Par dans| object \(\d+\)).{0,20}"
)
# Technical values shown as such (addresses, codes, names of settings).
ALLOWED = re.compile(r"NOTIFY_EMAILS|https?://\S+|[\w.+-]+@[\w.-]+")


def visible_text(html):
    """The text and the labels a person meets: content, titles, ARIA labels, placeholders and
    the words on submit buttons."""
    html = re.sub(r"<(script|style|template)\b.*?</\1>", " ", html, flags=re.S | re.I)
    labels = re.findall(r'\b(?:title|aria-label|placeholder)="([^"]*)"', html)
    buttons = re.findall(r'<input[^>]+type="submit"[^>]+value="([^"]*)"', html)
    text = re.sub(r"<[^>]+>", " ", html)
    return ALLOWED.sub(" ", " ".join(unescape(" ".join([text, *labels, *buttons])).split()))


def admin_pages(site, user):
    """Every page of every registered model the user may open: list, add, change, history,
    delete confirmation."""
    request = RequestFactory().get("/")
    request.user = user
    pages = [reverse("admin:index"), reverse("admin:password_change")]
    pages.append(reverse("admin:auth_user_invite"))
    for model, model_admin in site._registry.items():
        opts = model._meta
        pages.append(reverse(admin_urlname(opts, "changelist")))
        pages.append(reverse("admin:app_list", args=[opts.app_label]))
        if model_admin.has_add_permission(request):
            pages.append(reverse(admin_urlname(opts, "add")))
        obj = model.objects.order_by("pk").first()
        if obj is not None:
            pages.append(reverse(admin_urlname(opts, "change"), args=[obj.pk]))
            pages.append(reverse(admin_urlname(opts, "history"), args=[obj.pk]))
            if model_admin.has_delete_permission(request, obj):
                pages.append(reverse(admin_urlname(opts, "delete"), args=[obj.pk]))
            versioned = reversion.is_registered(model)
            version = versioned and Version.objects.get_for_object(obj).first()
            if version:  # the form that restores a former version, and a comparison
                pages.append(reverse(admin_urlname(opts, "revision"), args=[obj.pk, version.pk]))
                compare = reverse(admin_urlname(opts, "compare"), args=[obj.pk])
                pages.append(f"{compare}?avant={version.pk}&apres={version.pk}")
        try:
            recover = reverse(admin_urlname(opts, "recoverlist"))
        except NoReverseMatch:
            continue  # not under revision control
        if model_admin.has_add_permission(request):  # what reversion asks to recover
            pages.append(recover)
    return list(dict.fromkeys(pages))


# The admin's language is the same on either database: walked in one of the two runs.
@pytest.mark.once
@pytest.mark.django_db
def test_every_admin_page_is_in_french(staff_client, initial_content_with_revisions):
    make_contact_request("Claire Durand")
    make_registration(make_event("Atelier des jumelages"))
    staff_client.post(reverse("admin:login"), {"username": "inconnu", "password": "faux"})
    problems = {}
    for url in admin_pages(admin.site, staff_client.user):
        response = staff_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        text = visible_text(html)
        found = sorted(
            {*ENGLISH.findall(text), *MISSING_ELISION.findall(text), *STOCK.findall(text)}
            # The inline lists' « add » link, written by the admin's script from the page.
            | set(INLINE_ADD.findall(html))
        )
        if found:
            problems[url] = found
    assert not problems, "\n".join(f"{url}: {words}" for url, words in problems.items())
    # French spacing in the delete confirmation's summary (« Actualités : 1 »).
    from news.models import NewsItem

    news = reverse("admin:news_newsitem_delete", args=[NewsItem.objects.order_by("pk")[0].pk])
    assert "Actualités : 1" in visible_text(staff_client.get(news).content.decode())
    # A record alone is named in the singular (not « 1 réglages du site »).
    settings_list = staff_client.get(reverse("admin:pages_sitesettings_changelist"))
    assert "1 fiche des réglages du site" in visible_text(settings_list.content.decode())
