"""News shown elsewhere: the latest items on the home page, and the items about a scheme or
an event on its page. Kept per content version and at most a clock period: an item
scheduled for later appears by itself."""

from django import template
from django.db.models import prefetch_related_objects

from aict_site.caching.fragments import cached_inclusion_tag
from aict_site.templatetags.seo import jsonld

from ..models import NewsItem

register = template.Library()

RELATIONS = {"funding.scheme": "schemes", "events.event": "events", "funding.call": "calls"}


@cached_inclusion_tag(register, "news/_latest_news.html", clock=True)
def latest_news(count=3, heading_level=2, fold=False):
    """The latest news; `fold`: in a block a phone shows folded (the home page)."""
    return {
        "items": list(NewsItem.objects.published()[:count]),
        "level": heading_level,
        "fold": fold,
    }


@cached_inclusion_tag(register, "news/_news_about.html", clock=True)
def news_about(record, count=5, heading_level=2):
    """The latest news that mention a scheme, a call or an event."""
    relation = RELATIONS[record._meta.label_lower]
    items = NewsItem.objects.published().filter(**{relation: record})
    return {"items": list(items[:count]), "level": heading_level}


@cached_inclusion_tag(register, "news/_item_links.html")
def item_links(item):
    """An item's themes, countries and what it is about: six relations read once per content
    version, not on every miss of the page cache."""
    prefetch_related_objects(
        [item], "themes", "countries", "schemes", "calls__scheme", "events", "authorities"
    )
    return {"item": item}


@register.simple_tag(takes_context=True)
def news_jsonld(context, item):
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.title[:110],
        "description": item.summary,
        "datePublished": item.published_at.isoformat(),
        "dateModified": max(item.updated_at, item.published_at).isoformat(),
        "url": request.build_absolute_uri(item.get_absolute_url()),
        "inLanguage": "fr",
        "publisher": {
            "@type": "Organization",
            "name": "Lianes coopération",
            "url": request.build_absolute_uri("/"),
        },
    }
    if item.image and item.image_alt:
        data["image"] = request.build_absolute_uri(item.image.url)
    return jsonld(data)
