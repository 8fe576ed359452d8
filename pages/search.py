from django.db.models import Exists
from django.utils.translation import gettext as _

from aict_site.richtext import plain_text
from aict_site.search import Source

from .models import Action, Page, Reason, published_layout_page


class PageSource(Source):
    record_fields = ("slug", "layout", "summary", "body")

    def queryset(self):
        return Page.objects.published()

    def kind(self, row):
        return _("Page")

    def url(self, page):
        return Page.url_for(page["layout"], page["slug"])

    def text(self, page):
        return f"{page['summary']} {plain_text(page['body'])}"


class ItemSource(Source):
    """Reasons and actions: short texts, shown on their layout's page, each at its anchor."""

    layout = None
    anchor = ""
    columns = ("title", "text")
    record_fields = ()

    def matches_queryset(self):
        # Without their page, reasons and actions have nowhere to be read.
        return self.queryset().filter(Exists(Page.objects.published().filter(layout=self.layout)))

    def complete(self, results):
        self.read_rows(results)
        page = published_layout_page(self.layout)
        page_url = page.get_absolute_url() if page else ""
        for result in results:
            result.title = self.title(result.row)
            result.kind = self.kind(result.row)
            result.url = f"{page_url}#{self.anchor}-{result.row['pk']}"
            result.text = result.row["text"]


class ReasonSource(ItemSource):
    layout = Page.Layout.REASONS
    anchor = "raison"

    def queryset(self):
        return Reason.objects.published()

    def kind(self, row):
        return _("Reason to engage")


class ActionSource(ItemSource):
    layout = Page.Layout.ACTIONS
    anchor = "action"
    columns = ("text",)

    def queryset(self):
        return Action.objects.published()

    def kind(self, row):
        return _("Kind of action")

    def title(self, row):
        return plain_text(row["text"])[:90]
