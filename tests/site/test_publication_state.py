"""Staff see at a glance whether a record is on the site: the lists say « en ligne »,
« programmé le … » or « brouillon », and saving a draft says so, with a button that
publishes it."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from news.models import NewsItem
from tests.admin_forms import admin_form_data
from tests.helpers import squashed
from tests.news.builders import make_news

ADMIN = "/" + settings.ADMIN_URL


@pytest.mark.django_db
def test_the_news_list_tells_live_scheduled_and_draft_apart(staff_client):
    make_news("Déjà en ligne")
    make_news("Pour la semaine prochaine", published_in=timedelta(days=7))
    make_news("Pas fini", is_published=False)
    html = squashed(staff_client.get(f"{ADMIN}news/newsitem/").content.decode())
    assert 'class="publication-state is-live">en ligne<' in html
    assert 'class="publication-state is-scheduled">programmé le ' in html
    assert 'class="publication-state is-draft">brouillon<' in html


@pytest.mark.django_db
def test_saving_a_draft_says_so_and_one_click_publishes_it(staff_client, initial_content):
    item = make_news("Brouillon d’actualité", is_published=False)
    url = f"{ADMIN}news/newsitem/{item.pk}/change/"
    response = staff_client.post(url, admin_form_data(staff_client.get(url)), follow=True)
    html = squashed(response.content.decode())
    assert "« Brouillon d’actualité » est un brouillon : les visiteurs ne le voient pas." in html
    assert f'action="{ADMIN}news/newsitem/{item.pk}/publier/"' in html
    assert staff_client.get(f"{ADMIN}news/newsitem/{item.pk}/publier/").status_code == 405
    published = staff_client.post(f"{ADMIN}news/newsitem/{item.pk}/publier/", follow=True)
    assert "« Brouillon d’actualité » est en ligne." in squashed(published.content.decode())
    assert NewsItem.objects.get(pk=item.pk).is_published
    assert staff_client.get(item.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_saving_a_scheduled_item_says_when_it_goes_online(staff_client, initial_content):
    item = make_news("Annonce programmée", published_in=timedelta(days=2))
    url = f"{ADMIN}news/newsitem/{item.pk}/change/"
    response = staff_client.post(url, admin_form_data(staff_client.get(url)), follow=True)
    html = squashed(response.content.decode())
    when = timezone.localtime(item.published_at)
    assert "« Annonce programmée » n’est pas encore en ligne : programmé le" in html
    assert f"{when.day} " in html and "publier/" not in html
