from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from news.models import NewsItem


def make_news(title="Ouverture de l’appel FICOL", published_in=-timedelta(hours=1), **fields):
    fields.setdefault("slug", slugify(title))
    fields.setdefault("summary", "L’AFD ouvre une nouvelle édition de la FICOL.")
    fields.setdefault("is_published", True)
    fields.setdefault("published_at", timezone.now() + published_in)
    return NewsItem.objects.create(title=title, **fields)
