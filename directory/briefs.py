"""« Ma collectivité »: find any authority of the region, and its one-page brief — who it is,
whom to call, what it can do and fund, its « 1 % » levers, who is engaged near it, what is
coming and how to start.

The brief composes the other apps through their template tags (contacts, funding, events,
pages); this view reads only the official record, its neighbours and the directory.
"""

from django.db.models import Case, IntegerField, Q, Value, When
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from reference import territories
from reference.models import AuthorityType, Territory

from .deliberation import current_territory
from .models import Authority, DeliberationModel
from .views import attach_partners

QUERY_LENGTH = 100
NEARBY = 8


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
        level = Territory.Level
        above = Q(level=level.REGION) | Q(
            level=level.DEPARTEMENT, departement=territory.departement_id
        )
        around = {t.level: t for t in Territory.objects.filter(above)}
        context.update(
            territory=territory,
            authority_type=AuthorityType.objects.filter(level=territory.level).first(),
            region=around.get(level.REGION),
            departement=around.get(level.DEPARTEMENT) if territory.departement_id else None,
            members=self.members(territory),
            # An EPCI lists up to 95 communes: the prefix once, not a {% url %} per member.
            brief_root=reverse("briefs:search"),
            engaged=self.engaged(territory),
            deliberation_size=DeliberationModel.current().file_size_kb,
            breadcrumbs=[(_("My authority"), reverse("briefs:search")), (territory.name, None)],
        )
        return context

    def members(self, territory):
        """Who it groups: an EPCI's communes, a département's EPCI, the Région's départements."""
        level = Territory.Level
        members = Territory.objects.filter(is_current=True).order_by("name")
        if territory.level == level.EPCI:
            members = members.filter(epci=territory)
        elif territory.level == level.DEPARTEMENT:
            members = members.filter(level=level.EPCI, departement=territory.departement_id)
        elif territory.level == level.REGION:
            members = members.filter(level=level.DEPARTEMENT).order_by("code")
        else:
            return []
        # (code, name) pairs, not models: an EPCI has up to 95 members.
        return list(members.values_list("code", "name"))

    def engaged(self, territory):
        """Authorities of the directory near it: the same intercommunalité first, then the
        same département (the whole region for the Région)."""
        epci_id = territory.pk if territory.level == Territory.Level.EPCI else territory.epci_id
        same_epci = Q(pk=None)
        if epci_id:
            same_epci = Q(territory_id=epci_id) | Q(territory__epci_id=epci_id)
        authorities = Authority.objects.published().select_related("kind")
        if territory.level != Territory.Level.REGION:
            same_departement = Q(departement_id=territory.departement_id)
            authorities = authorities.filter(same_epci | same_departement)
        nearest = Case(
            When(same_epci, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
        found = list(authorities.annotate(nearest=nearest).order_by("nearest", "name")[:NEARBY])
        attach_partners(found)
        return found


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
