"""The directory as open data: one row per cooperation, with its authority's fields."""

from django.db.models import Max

from .models import Authority, Cooperation

LICENCE = "Licence Ouverte / Etalab 2.0"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"

AUTHORITY_FIELDS = [
    ("collectivite", lambda a: a.name),
    ("type", lambda a: a.kind.name),
    ("departement_code", lambda a: a.departement.code if a.departement else ""),
    ("departement", lambda a: a.departement.name if a.departement else ""),
    ("population", lambda a: a.population),
    ("code_insee_siren", lambda a: a.code),
    ("site_web", lambda a: a.website),
    ("partenaire_du_reseau", lambda a: a.is_partner),
]
COOPERATION_FIELDS = [
    ("collectivite_partenaire", lambda c: c.partner_name),
    ("pays_code", lambda c: c.country.code),
    ("pays", lambda c: c.country.name),
    ("themes", lambda c: "|".join(t.name for t in c.themes.all())),
    ("depuis", lambda c: c.since_year),
    ("en_cours", lambda c: c.is_current),
    ("lien", lambda c: c.link),
    ("financement_obtenu", lambda c: c.scheme.title if c.scheme and c.scheme.is_published else ""),
]
COLUMNS = [name for name, _get in AUTHORITY_FIELDS + COOPERATION_FIELDS]


def rows():
    for authority in Authority.objects.for_directory():
        base = {name: get(authority) for name, get in AUTHORITY_FIELDS}
        cooperations = list(authority.cooperations.all())
        if not cooperations:
            yield {**base, **{name: None for name, _get in COOPERATION_FIELDS}}
        for cooperation in cooperations:
            yield {**base, **{name: get(cooperation) for name, get in COOPERATION_FIELDS}}


def last_change():
    """When the published directory last changed, or None while it is empty."""
    dates = [
        Authority.objects.published().aggregate(last=Max("updated_at"))["last"],
        Cooperation.objects.filter(authority__is_published=True).aggregate(last=Max("updated_at"))[
            "last"
        ],
    ]
    dates = [date for date in dates if date]
    return max(dates) if dates else None
