"""« Ma collectivité »: find any authority of the region, and its one-page brief — who it is,
whom to call, what it can do and fund, its « 1 % » levers, who is engaged near it, what is
coming and how to start.

The brief composes the other apps through their template tags (contacts, funding, events,
pages); this view reads only the official record, its neighbours and the directory.
"""

from django.db.models import Case, IntegerField, Q, Value, When
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from reference import territories
from reference.models import AuthorityType, Territory

from .models import Authority, DeliberationModel
from .views import partners_of

QUERY_LENGTH = 100
NEARBY = 8


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
            engaged=self.engaged(territory),
            deliberation_size=DeliberationModel.current().file_size_kb,
            breadcrumbs=[(_("My authority"), reverse("briefs:search")), (territory.name, None)],
        )
        return context

    def engaged(self, territory):
        """Authorities of the directory near it: the same intercommunalité first, then the
        same département (the whole region for the Région)."""
        epci_id = territory.pk if territory.level == Territory.Level.EPCI else territory.epci_id
        same_epci = Q(pk=None)
        if epci_id:
            same_epci = Q(territory_id=epci_id) | Q(territory__epci_id=epci_id)
        authorities = Authority.objects.published()
        if territory.level != Territory.Level.REGION:
            same_departement = Q(departement_id=territory.departement_id)
            authorities = authorities.filter(same_epci | same_departement)
        nearest = Case(
            When(same_epci, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
        # A few columns, not whole records (their description and search text are long).
        found = list(
            authorities.annotate(nearest=nearest)
            .order_by("nearest", "name")
            .values("pk", "name", "slug", "kind__name")[:NEARBY]
        )
        partners = partners_of([a["pk"] for a in found])
        for authority in found:
            authority["partners"] = partners[authority["pk"]]
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
