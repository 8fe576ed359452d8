from django.utils.functional import SimpleLazyObject

from .models import SiteSettings


def site_settings(request):
    """The site settings record, read from the database only by templates that use it."""
    return {"site_settings": SimpleLazyObject(lambda: SiteSettings.load())}
