from itertools import groupby

from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from aict_site.caching.fragments import cards
from aict_site.calendars import ics_response
from aict_site.publishing import StaffPreviewMixin

from .calendars import calendar_of
from .filters import SchemeFilter, clean_params
from .models import Call, Scheme


class SchemeListView(ListView):
    template_name = "funding/scheme_list.html"
    context_object_name = "schemes"

    def get_queryset(self):
        data, self.ignored = clean_params(self.request.GET)
        self.finder = SchemeFilter(data, queryset=Scheme.objects.for_finder())
        if not self.finder.is_valid():
            self.ignored += list(self.finder.errors)
            valid = {k: v for k, v in data.items() if k not in self.finder.errors}
            self.finder = SchemeFilter(valid, queryset=Scheme.objects.for_finder())
        return self.finder.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        schemes = cards(
            context["schemes"],
            "funding/_scheme_card.html",
            load=card_data,
            clock=True,
        )
        context["groups"] = [
            (funder, list(items)) for funder, items in groupby(schemes, key=lambda s: s.funder)
        ]
        context["finder"] = self.finder
        context["active_filters"] = active_filters(self.finder, self.request.GET)
        if self.ignored:
            context["ignored_message"] = _(
                "Some criteria were not understood and are ignored: the list shows the schemes "
                "without them."
            )
        return context


def card_data(schemes):
    """What the cards not kept show besides their schemes: their themes, and their calls'
    states, which change with the clock."""
    prefetch_related_objects(
        schemes,
        "themes",
        Prefetch("calls", queryset=Call.objects.filter(is_published=True).order_by("closes_at")),
    )
    now = timezone.now()
    for scheme in schemes:
        scheme.states = scheme.calls_by_state(now)
    return schemes


def active_filters(finder, params):
    """Each applied filter with the URL that removes just that one."""
    cleaned = getattr(finder.form, "cleaned_data", {})
    active = []
    for name, value in cleaned.items():
        if not value:
            continue
        remaining = params.copy()
        remaining.pop(name, None)
        label = finder.form.fields[name].label
        shown = _("yes") if name == "ouvert" else str(value)
        active.append({"label": f"{label} : {shown}", "url": "?" + remaining.urlencode()})
    return active


class SchemeDetailView(StaffPreviewMixin, DetailView):
    context_object_name = "scheme"

    def get_queryset(self):
        # Its facts, calls and related schemes are cached fragments (funding_tags).
        return Scheme.objects.published().select_related("funder")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [
            (_("Funding"), reverse("funding:scheme-list")),
            (self.object.title, None),
        ]
        return context


class DeadlineCalendarView(TemplateView):
    template_name = "funding/calendar.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        calls = list(Call.objects.upcoming_deadlines().select_related("scheme__funder"))
        context["months"] = [
            (month, list(items))
            for month, items in groupby(
                calls, key=lambda c: timezone.localtime(c.closes_at).replace(day=1).date()
            )
        ]
        return context


def deadlines_ics(request):
    calls = Call.objects.upcoming_deadlines().select_related("scheme")
    return ics_response(
        calendar_of(calls, request.build_absolute_uri, _("Funding deadlines — Lianes coopération")),
        "financements.ics",
    )


def call_ics(request, uid):
    call = get_object_or_404(Call.objects.published().select_related("scheme"), uid=uid)
    calendar = calendar_of([call], request.build_absolute_uri, call.title)
    return ics_response(calendar, f"appel-{call.uid}.ics")
