from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from funding.models import Call, Funder, Scheme


def make_funder(name="Financeur test", **fields):
    return Funder.objects.create(name=name, **fields)


def make_scheme(title="Dispositif test", funder=None, **fields):
    fields.setdefault("slug", slugify(title))
    fields.setdefault("kind", Scheme.Kind.CALL)
    fields.setdefault("summary", "Un résumé.")
    fields.setdefault("source", "Source de test")
    fields.setdefault("is_published", True)
    types = fields.pop("types", [])
    themes = fields.pop("themes", [])
    countries = fields.pop("countries", [])
    scheme = Scheme.objects.create(funder=funder or make_funder(), title=title, **fields)
    scheme.eligible_authority_types.set(types)
    scheme.themes.set(themes)
    scheme.countries.set(countries)
    return scheme


def make_call(scheme, title="Édition test", opens_in_days=None, closes_in_days=None, **fields):
    now = timezone.now()
    if opens_in_days is not None:
        fields["opens_at"] = now + timedelta(days=opens_in_days)
    if closes_in_days is not None:
        fields["closes_at"] = now + timedelta(days=closes_in_days)
    fields.setdefault("is_published", True)
    return Call.objects.create(scheme=scheme, title=title, **fields)
