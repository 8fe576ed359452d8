from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

DEFAULT_DESCRIPTION = _(
    "Lianes coopération, the multi-actor regional network for international cooperation in "
    "Hauts-de-France, supports local authorities in their international action."
)


def site(request):
    """What every template may use: the content version, the clock, a default description."""
    from aict_site.pagecache import current_version

    return {
        # For `{% cache … content_version using="fragments" %}`: one key per version.
        "content_version": SimpleLazyObject(lambda: current_version(request)),
        "clock_seconds": settings.FRAGMENT_CLOCK_SECONDS,
        "default_description": DEFAULT_DESCRIPTION,
    }
