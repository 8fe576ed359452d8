from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Call

FEED_SIZE = 50


class CallsFeed(Feed):
    """New and updated calls, most recently changed first."""

    feed_type = Atom1Feed
    title = _("Lianes coopération — calls for projects for local authorities")
    subtitle = _("New or updated funding calls.")
    link = reverse_lazy("funding:scheme-list")

    def items(self):
        return (
            Call.objects.published()
            .select_related("scheme__funder")
            .order_by("-updated_at")[:FEED_SIZE]
        )

    def item_title(self, call):
        return f"{call.scheme.title} — {call.title}"

    def item_description(self, call):
        parts = [call.scheme.summary]
        if call.opens_at:
            parts.append(_("Opening: %s") % timezone.localtime(call.opens_at).strftime("%d/%m/%Y"))
        if call.closes_at:
            closes = timezone.localtime(call.closes_at)
            parts.append(_("Closing: %s") % closes.strftime("%d/%m/%Y %H:%M"))
        return " ".join(str(part) for part in parts)

    def item_link(self, call):
        return call.get_absolute_url()

    def item_guid(self, call):
        return f"urn:uuid:{call.uid}"

    item_guid_is_permalink = False

    def item_updateddate(self, call):
        return call.updated_at

    def item_pubdate(self, call):
        return call.created_at
