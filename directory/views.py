"""The directory of the region's authorities engaged in international action."""

import json
from collections import defaultdict
from itertools import groupby

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from aict_site.caching.fragments import cards
from aict_site.csvfiles import csv_response
from aict_site.publishing import StaffPreviewMixin
from reference import names
from reference.models import Country

from . import exports
from .filters import AuthorityFilter
from .models import Authority, Cooperation


def partners_of(authority_ids):
    """Each authority's partners as (name, country) pairs, read in one query without a model
    per cooperation and country: a page of the list shows a hundred of them."""
    partners = defaultdict(list)
    if authority_ids:
        rows = (
            Cooperation.objects.filter(authority__in=authority_ids)
            .order_by("country__name", "partner_name")
            .values_list("authority_id", "partner_name", "country__name")
        )
        for authority_id, name, country in rows:
            partners[authority_id].append((name, country))
    return partners


def attach_partners(authorities):
    partners = partners_of([a.pk for a in authorities])
    for authority in authorities:
        authority.partners = partners[authority.pk]


def card_data(lean):
    """The authorities whose card is not kept, read whole, with their partners. The list reads
    its page of authorities lean (their key): a whole row holds a long description and search
    text, and reading 25 of them cost about a tenth of a page whose cards are kept (measured:
    docs/performance.md)."""
    found = Authority.objects.for_directory_list().in_bulk([record.pk for record in lean])
    authorities = [found[record.pk] for record in lean]
    attach_partners(authorities)
    return authorities


class AuthorityListView(ListView):
    template_name = "directory/authority_list.html"
    context_object_name = "authorities"
    paginate_by = 25

    def get_queryset(self):
        lean = Authority.objects.published().only("pk")
        params = {k: v for k, v in self.request.GET.items() if len(v) <= 100}
        self.finder = AuthorityFilter(params, queryset=lean)
        self.invalid = len(params) < len(self.request.GET) or not self.finder.is_valid()
        if self.finder.errors:
            valid = {k: v for k, v in params.items() if k not in self.finder.errors}
            self.finder = AuthorityFilter(valid, queryset=lean)
        return self.finder.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["authorities"] = cards(
            context["authorities"], "directory/_authority_card.html", load=card_data
        )
        params = self.request.GET.copy()
        params.pop("page", None)
        context.update(
            query_without_page=params.urlencode(),
            finder=self.finder,
            invalid_filters=self.invalid,
        )
        return context


class AuthorityDetailView(StaffPreviewMixin, DetailView):
    context_object_name = "authority"
    template_name = "directory/authority_detail.html"

    def get_queryset(self):
        return Authority.objects.for_directory().select_related("territory")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Named as its brief names it (« Communauté urbaine de Dunkerque » for « Dunkerque
        # Grand Littoral »), so that the two pages read as one body.
        if self.object.territory:
            context["official_name"] = names.designation(self.object.territory)
        cooperations = sorted(self.object.cooperations.all(), key=lambda c: c.country.name)
        context["by_country"] = [
            (country, list(items))
            for country, items in groupby(cooperations, key=lambda c: c.country)
        ]
        context["breadcrumbs"] = [
            (_("Engaged authorities"), reverse("directory:authority-list")),
            (self.object.name, None),
        ]
        return context


class CountryView(ListView):
    """Which authorities of the region cooperate with one country."""

    template_name = "directory/authority_country.html"
    context_object_name = "authorities"

    def get_queryset(self):
        self.country = get_object_or_404(Country, code=self.kwargs["code"].upper())
        return (
            Authority.objects.for_directory().filter(cooperations__country=self.country).distinct()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["country"] = self.country
        context["breadcrumbs"] = [
            (_("Engaged authorities"), reverse("directory:authority-list")),
            (self.country.name, None),
        ]
        return context


def export_headers(response):
    changed = exports.last_change()
    if changed:
        response["Last-Modified"] = http_date(changed.timestamp())
    response["Link"] = f'<{exports.LICENCE_URL}>; rel="license"'
    return response


def export_csv(request):
    rows = ([row[column] for column in exports.COLUMNS] for row in exports.rows())
    return export_headers(csv_response("collectivites-engagees.csv", exports.COLUMNS, rows))


def export_json(request):
    changed = exports.last_change()
    payload = {
        "titre": _("Authorities of Hauts-de-France engaged in international action"),
        "producteur": "Lianes coopération",
        "licence": exports.LICENCE,
        "licence_url": exports.LICENCE_URL,
        "derniere_modification": timezone.localtime(changed).isoformat() if changed else None,
        "colonnes": exports.COLUMNS,
        "lignes": list(exports.rows()),
    }
    response = HttpResponse(
        json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    return export_headers(response)
