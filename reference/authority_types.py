"""Which authority types (of the directory's list) a territory counts as: its level's, and
« Autorité organisatrice de la mobilité » where the law makes it one (reference.competences).
Shared by the briefs and the API, so both give a territory the same schemes."""

from aict_site.caching.memory import remembered

from .competences import is_mobility_authority_by_law
from .models import AuthorityType

# The type the mobility lever names: métropoles, communautés urbaines and d’agglomération are
# such authorities by law (reference.competences), so their briefs and the finder agree.
MOBILITY_AUTHORITY = "Autorité organisatrice de la mobilité"


def _by_level():
    types = {}
    for authority_type in AuthorityType.objects.exclude(level=""):
        types.setdefault(authority_type.level, authority_type)
    return types, AuthorityType.objects.filter(name=MOBILITY_AUTHORITY).first()


def by_level():
    """({level: type}, the mobility type or None), kept per content version."""
    return remembered(_by_level)


def authority_types_of(territory):
    types, mobility = by_level()
    found = [types[territory.level]] if territory.level in types else []
    if mobility and is_mobility_authority_by_law(territory):
        found.append(mobility)
    return found
