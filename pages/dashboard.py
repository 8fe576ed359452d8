"""The pages' part of the admin dashboard: the legal notice's and the accessibility
statement's facts, which the law asks of a public site before it opens."""

from django.utils.translation import gettext as _

from aict_site.dashboard import Entry, change_url

from .models import SiteSettings

# Fields of the legal notice (loi pour la confiance dans l'économie numérique, art. 6).
LEGAL_NOTICE = ["publisher", "publication_director", "postal_address", "host_name", "host_address"]


def readiness():
    settings = SiteSettings.objects.get_or_create(pk=1)[0]
    url = change_url(settings)
    entries = [
        Entry(
            _("Legal notice: « %(field)s » is missing.")
            % {"field": SiteSettings._meta.get_field(name).verbose_name},
            url,
            blocks_launch=True,
        )
        for name in LEGAL_NOTICE
        if not getattr(settings, name).strip()
    ]
    if settings.accessibility_statement_on is None:
        entries.append(
            Entry(
                _(
                    "Accessibility statement: give its date (and check its compliance status, "
                    "now « %(status)s »)."
                )
                % {"status": settings.get_accessibility_status_display()},
                url,
                blocks_launch=True,
            )
        )
    return entries
