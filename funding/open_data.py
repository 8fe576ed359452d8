"""The catalogue of schemes in the national schema « Dispositifs d'aides » (etalab, Table
Schema v0.2.0, a copy in funding/data/schema-dispositif-aide): one row per scheme and one per
call, as CSV and JSON, so that the national services that read the schema relay them.

Only what the site holds is written: no « promesse » (the schema wants a sentence in the
imperative the site does not have), no SIREN for the funders (no source gives them here).
The geographic coverage is France (COG « PAYS-99100 »): the catalogue describes what French
local authorities may apply to, whatever the partner's country."""

import csv
import io
import json
import uuid

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from aict_site.richtext import plain_text

from .models import Call, Scheme

FIELDS = [
    "id", "titre", "promesse", "description", "eligibilite", "types_aides", "porteurs",
    "programmes_parents", "url_source", "cibles", "eligibilite_geographique",
    "eligibilite_geographique_exclusions", "date_ouverture", "date_cloture", "date_mise_a_jour",
]  # fmt: skip
FRANCE = "PAYS-99100"  # Code officiel géographique of France
DESCRIPTION_LIMIT = 5000
# The authority types that are not public bodies (twinning committees, associations).
NOT_PUBLIC = ("autre", "association")


def stable_id(kind, pk):
    """A UUID that stays the same for a record of this site (the schema asks for one)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{settings.SITE_URL}/donnees/{kind}/{pk}"))


def moment(value):
    return timezone.localtime(value).isoformat(timespec="seconds") if value else ""


def eligibility(scheme):
    types = ", ".join(t.name for t in scheme.eligible_authority_types.all()) or _("to check")
    if scheme.countries_rule == Scheme.CountryRule.EXCEPT:
        named = ", ".join(c.name for c in scheme.countries.all())
        countries = _("all, except: %(countries)s") % {"countries": named}
    else:
        named = [c.name for c in scheme.countries.all()]
        named += [g.name for g in scheme.country_groups.all()]
        countries = ", ".join(named) or _("all")
    themes = ", ".join(t.name for t in scheme.themes.all()) or _("all")
    lines = [
        _("Eligible authorities: %(types)s") % {"types": types},
        _("Partner countries: %(countries)s") % {"countries": countries},
        _("Themes: %(themes)s") % {"themes": themes},
        *(item.text for item in scheme.checklist.all()),
    ]
    return "\n".join(f"• {line}" for line in lines)


def targets(scheme):
    names = [t.name.lower() for t in scheme.eligible_authority_types.all()]
    kinds = ["secteur public"]
    if any(word in name for name in names for word in NOT_PUBLIC):
        kinds.append("associations")
    return "|".join(kinds)


def scheme_row(scheme, request):
    page = request.build_absolute_uri(scheme.get_absolute_url())
    text = " ".join(part for part in [scheme.summary, plain_text(scheme.description)] if part)
    return {
        "id": stable_id("dispositif", scheme.pk),
        "titre": scheme.title,
        "promesse": "",
        "description": text[:DESCRIPTION_LIMIT],
        "eligibilite": eligibility(scheme),
        "types_aides": "financement",
        "porteurs": json.dumps(
            [{"nom": scheme.funder.name, "roles": ["financeur"]}], ensure_ascii=False
        ),
        "programmes_parents": "",
        "url_source": scheme.official_url or page,
        "cibles": targets(scheme),
        "eligibilite_geographique": FRANCE,
        "eligibilite_geographique_exclusions": "",
        "date_ouverture": "",
        "date_cloture": "",
        "date_mise_a_jour": moment(scheme.updated_at),
    }


def call_row(call, scheme, request):
    row = scheme_row(scheme, request)
    row.update(
        id=stable_id("appel", call.pk),
        titre=f"{scheme.title} — {call.title}",
        programmes_parents=scheme.title.replace("|", "/"),
        url_source=call.url or request.build_absolute_uri(call.get_absolute_url()),
        date_ouverture=moment(call.opens_at),
        date_cloture=moment(call.closes_at),
        date_mise_a_jour=moment(call.updated_at),
    )
    if call.notes:
        row["description"] = f"{row['description']} {call.notes}"[:DESCRIPTION_LIMIT]
    return row


def rows(request):
    schemes = (
        Scheme.objects.published()
        .select_related("funder")
        .prefetch_related(
            "eligible_authority_types",
            "countries",
            "country_groups",
            "themes",
            "checklist",
        )
        .order_by("pk")
    )
    calls = {}
    for call in Call.objects.filter(is_published=True).order_by("pk"):
        calls.setdefault(call.scheme_id, []).append(call)
    for scheme in schemes:
        yield scheme_row(scheme, request)
        for call in calls.get(scheme.pk, []):
            yield call_row(call, scheme, request)


def schemes_csv(request):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(request))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="dispositifs.csv"'
    return response


def schemes_json(request):
    return JsonResponse(
        list(rows(request)), safe=False, json_dumps_params={"ensure_ascii": False, "indent": 1}
    )
