from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from aict_site import search
from aict_site.caching.memory import remembered

from .models import (
    APP_ROUTES,
    Action,
    Page,
    Reason,
    SlugRedirect,
    published_layout_page,
    retention_years,
)

SEARCH_MAX_LENGTH = 200
MAX_RESULTS = 30


class PageMixin:
    """Published pages for everyone; drafts too for staff, as an uncached preview."""

    def pages_for(self, request):
        if request.user.is_staff:
            return Page.objects.all()
        return Page.objects.published()

    def render_to_response(self, context, **kwargs):
        page = context.get("page")
        if page is not None:
            context.setdefault("meta_title", page.html_title)
            context.setdefault("meta_description", page.description)
        response = super().render_to_response(context, **kwargs)
        if page is not None and not page.is_live:
            add_never_cache_headers(response)
        return response


class LayoutContextMixin:
    """The structured items that go with some layouts: the same for every page of a layout,
    kept per content version (and a clock period: pages may be scheduled)."""

    def layout_context(self, page):
        if page is None:
            return {}
        return remembered(layout_items, str(page.layout), clock=True)


def layout_items(layout):
    context = {}
    if layout in (Page.Layout.HOME, Page.Layout.REASONS):
        context["reasons"] = list(Reason.objects.published())
    if layout in (Page.Layout.HOME, Page.Layout.ACTIONS):
        context["actions"] = list(Action.objects.published())
    if layout == Page.Layout.PRIVACY:
        context["retention_years"] = retention_years()
        context["login_days"] = settings.STAFF_LOGIN_RECORDS_DAYS
    if layout == Page.Layout.HOME:
        linked = {
            linked_page.layout: linked_page
            for linked_page in Page.objects.published().filter(
                layout__in=[Page.Layout.WHY, Page.Layout.REASONS, Page.Layout.ACTIONS]
            )
        }
        context["why_page"] = linked.get(Page.Layout.WHY)
        context["reasons_page"] = linked.get(Page.Layout.REASONS)
        context["actions_page"] = linked.get(Page.Layout.ACTIONS)
    return context


class HomeView(PageMixin, LayoutContextMixin, TemplateView):
    template_name = "pages/home.html"

    def get_context_data(self, **kwargs):
        if self.request.user.is_staff:  # drafts too, previewed
            page = self.pages_for(self.request).filter(layout=Page.Layout.HOME).first()
        else:
            page = published_layout_page(Page.Layout.HOME)
        return super().get_context_data(page=page, **self.layout_context(page), **kwargs)


class PageDetailView(PageMixin, LayoutContextMixin, DetailView):
    context_object_name = "page"

    def get_queryset(self):
        return self.pages_for(self.request).select_related("parent__parent")

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            moved = (
                SlugRedirect.objects.filter(old_slug=kwargs["slug"]).select_related("page").first()
            )
            if moved and (moved.page.is_live or request.user.is_staff):
                return redirect(moved.page.get_absolute_url(), permanent=True)
            raise

    def get_object(self, queryset=None):
        page = super().get_object(queryset)
        if page.layout in APP_ROUTES:
            raise Http404
        return page

    def get_template_names(self):
        return [f"pages/page_{self.object.layout.replace('-', '_')}.html", "pages/page_detail.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.layout_context(self.object))
        context["breadcrumbs"] = breadcrumbs(self.object)
        return context


def breadcrumbs(page):
    trail = []
    ancestor = page.parent
    while ancestor is not None and len(trail) < 2:
        trail.insert(0, ancestor)
        ancestor = ancestor.parent
    return [(p.title, p.get_absolute_url()) for p in trail] + [(page.title, None)]


class SearchView(TemplateView):
    template_name = "pages/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = " ".join(self.request.GET.get("q", "").split())[:SEARCH_MAX_LENGTH]
        context["query"] = query
        # « 1 % » is a query too: its words are too short to index, but a source may know it.
        if not search.terms(query) and "%" not in query:
            context["message"] = _("Type one or more words to search for.")
            context["results"] = []
            return context
        results, total = search.search(query, limit=MAX_RESULTS)
        context["results"] = results
        context["total"] = total
        if total > MAX_RESULTS:
            context["message"] = _(
                "Only the %(shown)s most relevant results are shown: narrow your search."
            ) % {"shown": MAX_RESULTS}
        if not results:
            context["message"] = _("No result for “%(query)s”. Try another word.") % {
                "query": query
            }
        return context
