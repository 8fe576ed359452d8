from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from aict_site.caching.fragments import cards
from aict_site.publishing import StaffPreviewMixin

from .filters import NewsFilter
from .models import NewsItem

PER_PAGE = 10


class NewsListView(ListView):
    template_name = "news/newsitem_list.html"
    context_object_name = "items"
    paginate_by = PER_PAGE

    def get_queryset(self):
        self.finder = NewsFilter(
            self.request.GET or None,
            queryset=NewsItem.objects.published(),
        )
        return self.finder.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["items"] = cards(
            context["items"], "news/_news_card.html", name="item", extra={"level": 2}
        )
        theme = self.finder.form.cleaned_data.get("theme") if self.finder.is_bound else None
        context.update(
            finder=self.finder,
            theme=theme,
            # The pagination keeps the chosen theme.
            query=f"theme={theme.slug}" if theme else "",
            breadcrumbs=[(_("News"), None)],
        )
        return context


class NewsDetailView(StaffPreviewMixin, DetailView):
    template_name = "news/newsitem_detail.html"
    context_object_name = "item"

    def get_queryset(self):
        # What the item is about is a cached fragment (news_tags.item_links).
        return NewsItem.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [(_("News"), reverse("news:list")), (self.object.title, None)]
        return context
