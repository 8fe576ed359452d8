from django.utils.translation import gettext as _

from aict_site.richtext import plain_text
from aict_site.search import Result, matching

from .models import Event


def search(query):
    return [
        Result(
            event.title,
            event.get_absolute_url(),
            _("Agenda — %(date)s") % {"date": event.starts_at.strftime("%d/%m/%Y")},
            f"{event.summary} {plain_text(event.description)}",
            query,
            getattr(event, "rank", 0),
        )
        for event in matching(Event.objects.published(), query)
    ]
