from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.db.models import DateTimeField
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aict_site.feeds import CleanAtom1Feed
from aict_site.templatetags.french import day

from .models import Call
from .templatetags.funding_tags import closing

FEED_SIZE = 50


def call_date(call):
    """When a call became news: its opening, else its announcement, else its closing. Never
    when the record was created or saved (a deploy that loads the content would date
    every archived edition of the day)."""
    if call.opens_at:
        return timezone.localtime(call.opens_at)
    if call.announced_on:
        return timezone.make_aware(datetime.combine(call.announced_on, time()))
    # Its closing day (not the minute, 23:59, that the site gives a source's bare date).
    return timezone.make_aware(datetime.combine(timezone.localtime(call.closes_at).date(), time()))


class CallsFeed(Feed):
    """Calls for projects, newest edition first, each dated by its own dates."""

    feed_type = CleanAtom1Feed
    title = gettext_lazy("Lianes coopération — calls for projects for local authorities")
    subtitle = gettext_lazy("Calls for projects, dated by their opening; closed calls say so.")
    link = reverse_lazy("funding:scheme-list")

    def items(self):
        return (
            Call.objects.published()
            .exclude(opens_at=None, announced_on=None, closes_at=None)
            .select_related("scheme__funder")
            .annotate(
                news_date=Coalesce("opens_at", Cast("announced_on", DateTimeField()), "closes_at")
            )
            .order_by("-news_date", "-pk")[:FEED_SIZE]
        )

    def item_title(self, call):
        title = f"{call.scheme.title} — {call.title}"
        if call.state() == "closed":
            return _("%(title)s (closed)") % {"title": title}
        return title

    def item_description(self, call):
        parts = [call.scheme.summary]
        if call.state() == "closed":
            parts.append(_("This call is closed."))
        if call.opens_at:
            parts.append(_("Opening: %s.") % day(call.opens_at))
        if call.closes_at:
            parts.append(_("Closing: %s.") % closing(call))
        return " ".join(str(part) for part in parts)

    def item_link(self, call):
        return call.get_absolute_url()

    def item_guid(self, call):
        return f"urn:uuid:{call.uid}"

    item_guid_is_permalink = False

    def item_pubdate(self, call):
        return call_date(call)

    def item_updateddate(self, call):
        return call_date(call)
