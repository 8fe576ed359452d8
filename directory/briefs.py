"""« Ma collectivité »: find any authority of the region, and its one-page brief — who it is,
whom to call, what it can do and fund, its « 1 % » levers, who is engaged near it, what is
coming and how to start.

The brief composes the other apps through their template tags (contacts, funding, events,
pages); this view reads only the official record, its neighbours and the directory.
"""

from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from aict_site.caching.memory import remembered
from reference import names, territories
from reference.authority_types import authority_types_of, by_level
from reference.models import Territory

from .models import DeliberationModel

QUERY_LENGTH = 100


def current_territory(code):
    """The current official record with this code, or a 404."""
    territory = (
        Territory.objects.filter(code=code, is_current=True)
        .select_related("departement", "epci")
        .first()
    )
    if territory is None:
        raise Http404
    return territory


class BriefSearchView(TemplateView):
    template_name = "directory/brief_search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "")[:QUERY_LENGTH].replace("\x00", "").strip()
        context["query"] = query
        context["results"] = territories.find(query) if query else []
        # Each result's address: the prefix once rather than a {% url %} per line.
        context["brief_root"] = reverse("briefs:search")
        context["breadcrumbs"] = [(_("My authority"), None)]
        return context


class BriefView(TemplateView):
    template_name = "directory/brief.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        territory = current_territory(self.kwargs["code"])
        shared = remembered(shared_context)
        authority_types = authority_types_of(territory)
        authority_type = shared["types"].get(territory.level)
        context.update(
            territory=territory,
            designation=names.designation(territory),
            of_name=names.of_territory(territory),
            authority_type=authority_type,
            authority_types=authority_types,
            region=shared["region"],
            departement=territory.departement,
            deliberation_size=shared["deliberation_size"],
            breadcrumbs=[(_("My authority"), reverse("briefs:search")), (territory.name, None)],
        )
        return context


def shared_context():
    """What every brief reads the same: the Région, the directory's type for each level, and
    the model deliberation's size (kept per content version: only the territory is read per
    brief, the rest of the page is cached fragments)."""
    types, mobility = by_level()
    return {
        "types": types,
        "mobility": mobility,
        "region": Territory.objects.filter(level=Territory.Level.REGION).first(),
        "deliberation_size": DeliberationModel.current().file_size_kb,
    }


def suggest(request):
    """Names as a visitor types them, for the search field's suggestions (JavaScript only
    improves the plain form, which works without it)."""
    query = request.GET.get("q", "")[:QUERY_LENGTH].replace("\x00", "")
    found = territories.find(query, limit=8) if len(query.strip()) >= 2 else []
    return JsonResponse(
        {
            "results": [
                {
                    "name": t.name,
                    "label": f"{t.get_level_display()}, {t.departement.name}"
                    if t.departement
                    else t.get_level_display(),
                    "url": reverse("briefs:brief", kwargs={"code": t.code}),
                }
                for t in found
            ]
        }
    )
