from django.utils.translation import gettext as _

from aict_site.search import Result, matching

from .models import Authority


def search(query):
    authorities = matching(Authority.objects.published().select_related("kind"), query)
    return [
        Result(
            authority.name,
            authority.get_absolute_url(),
            _("Collectivité engagée — %(kind)s") % {"kind": authority.kind},
            authority.description or authority.name,
            query,
            getattr(authority, "rank", 0),
        )
        for authority in authorities
    ]
