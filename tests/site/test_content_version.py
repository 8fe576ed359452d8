"""Every way of changing content renews the content version, so the next request shows the
change: not only `save()`, but `QuerySet.update()`, `bulk_create`, `bulk_update`, `delete()`,
many-to-many changes and raw SQL, as a shell, a script or an admin action makes them."""

import pytest
from django.db import connection, transaction

from aict_site.caching.version import current_version
from news.models import NewsItem
from pages.models import SiteSettings
from reference.models import Theme
from tests.contacts.builders import make_contact_request
from tests.news.builders import make_news

pytestmark = pytest.mark.django_db

LIST = "/actualites/"


def served(client):
    """The news list as a visitor gets it (from the page cache from the second time)."""
    return client.get(LIST).content.decode()


def shown_then_changed(client, change):
    make_news(title="Ouverture de l’appel FICOL", slug="ouverture-ficol")
    SiteSettings.load()  # made on the first request otherwise: a write, which renews
    assert "Ouverture de l’appel FICOL" in served(client)
    assert client.get(LIST).headers["X-Page-Cache"] == "hit"
    before = current_version()
    change()
    assert current_version() != before
    return served(client)


def test_an_update_through_the_queryset_shows_at_the_next_request(client):
    html = shown_then_changed(
        client, lambda: NewsItem.objects.filter(slug="ouverture-ficol").update(title="Titre neuf")
    )
    assert "Titre neuf" in html
    assert "Ouverture de l’appel FICOL" not in html


def test_a_queryset_delete_shows_at_the_next_request(client):
    html = shown_then_changed(client, lambda: NewsItem.objects.all().delete())
    assert "Ouverture de l’appel FICOL" not in html


def test_bulk_create_shows_at_the_next_request(client):
    def create():
        item = NewsItem.objects.get()
        NewsItem.objects.bulk_create(
            [
                NewsItem(
                    title="Sélection 2025 du fonds franco-marocain",
                    slug="selection-2025",
                    summary="Une sélection.",
                    is_published=True,
                    published_at=item.published_at,
                )
            ]
        )

    assert "Sélection 2025 du fonds franco-marocain" in shown_then_changed(client, create)


def test_bulk_update_shows_at_the_next_request(client):
    def rename():
        item = NewsItem.objects.get()
        item.title = "Titre changé en bloc"
        NewsItem.objects.bulk_update([item], ["title"])

    assert "Titre changé en bloc" in shown_then_changed(client, rename)


def test_a_many_to_many_change_shows_at_the_next_request(client):
    theme = Theme.objects.create(name="Jeunesse et mobilité", slug="jeunesse")

    def tag():
        NewsItem.objects.get().themes.add(theme)

    shown_then_changed(client, tag)
    html = client.get(LIST, {"theme": "jeunesse"}).content.decode()
    assert "Ouverture de l’appel FICOL" in html


def test_raw_sql_shows_at_the_next_request(client):
    table = NewsItem._meta.db_table

    def raw():
        with connection.cursor() as cursor:
            cursor.execute(f"update {table} set title = %s", ["Titre écrit en SQL"])  # noqa: S608

    assert "Titre écrit en SQL" in shown_then_changed(client, raw)


def test_a_change_in_a_transaction_renews_the_version_again_when_it_commits(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks, transaction.atomic():
        make_news()
        NewsItem.objects.update(title="Premier")
        NewsItem.objects.update(title="Second")
    # Once per transaction, however many writes it holds.
    assert len(callbacks) == 1
    before = current_version()
    callbacks[0]()
    assert current_version() != before


def test_reads_and_visitors_records_leave_the_version_alone(client):
    make_news()
    SiteSettings.load()
    served(client)
    version = current_version()
    list(NewsItem.objects.all())
    make_contact_request()
    assert current_version() == version
    assert client.get(LIST).headers["X-Page-Cache"] == "hit"
