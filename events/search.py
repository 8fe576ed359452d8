from django.utils import timezone
from django.utils.translation import gettext as _

from aict_site.richtext import plain_text
from aict_site.search import Source

from .models import Event


class EventSource(Source):
    columns = ("title", "starts_at")
    record_fields = ("slug", "summary", "description")
    url_name = "events:event-detail"

    def queryset(self):
        return Event.objects.published()

    def kind(self, row):
        date = timezone.localtime(row["starts_at"]).strftime("%d/%m/%Y")
        return _("Agenda — %(date)s") % {"date": date}

    def text(self, event):
        return f"{event['summary']} {plain_text(event['description'])}"
