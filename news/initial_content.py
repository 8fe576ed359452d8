"""Two news items that report real, dated events about the schemes, each with its sources:
a fresh install shows what happened, not an empty list; nothing is invented."""

import json
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings

from .models import NewsItem

DATA = Path(__file__).resolve().parent / "fixtures" / "initial_news.json"


def load():
    if NewsItem.objects.exists():
        return 0
    # The related models, without importing their apps.
    schemes = NewsItem._meta.get_field("schemes").related_model.objects
    countries = NewsItem._meta.get_field("countries").related_model.objects
    created = 0
    for fields in json.loads(DATA.read_text(encoding="utf-8"))["news"]:
        fields = dict(fields)
        slugs, codes = fields.pop("schemes"), fields.pop("countries")
        day = datetime.strptime(fields.pop("published_at"), "%Y-%m-%d").date()
        item = NewsItem.objects.create(
            is_published=True,
            published_at=datetime.combine(day, time(9, 0), tzinfo=ZoneInfo(settings.TIME_ZONE)),
            **fields,
        )
        item.schemes.set(schemes.filter(slug__in=slugs))
        item.countries.set(countries.filter(code__in=codes))
        created += 1
    return created
