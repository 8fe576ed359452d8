from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

DEFAULT_DESCRIPTION = _(
    "Lianes coopération, réseau régional multi-acteurs de la coopération internationale "
    "des Hauts-de-France, accompagne les collectivités dans leur action internationale."
)


def site(request):
    """The site settings record, read from the database only by templates that use it."""
    from aict_site.pagecache import current_version
    from pages.models import SiteSettings

    return {
        "site_settings": SimpleLazyObject(SiteSettings.load),
        # For `{% cache … content_version using="fragments" %}`: one key per version.
        "content_version": SimpleLazyObject(lambda: current_version(request)),
        "clock_seconds": settings.FRAGMENT_CLOCK_SECONDS,
        "default_description": DEFAULT_DESCRIPTION,
    }
