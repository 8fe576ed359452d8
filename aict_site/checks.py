"""Deployment checks (`manage.py check --deploy`) for what Django's own do not see."""

from django.conf import settings
from django.core import checks

# Backends that deliver nothing: mail written to the log (password-reset links included)
# or kept in memory.
UNDELIVERED = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}


@checks.register(checks.Tags.security, deploy=True)
def mail_is_delivered(app_configs=None, **kwargs):
    if settings.DEBUG or settings.EMAIL_BACKEND not in UNDELIVERED:
        return []
    return [
        checks.Warning(
            f"EMAIL_BACKEND is {settings.EMAIL_BACKEND} with DEBUG off: staff notifications "
            "are never delivered and password-reset links end up in the log.",
            hint="Set EMAIL_URL to your SMTP server (see .env.example).",
            id="aict_site.W001",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def site_url_is_public(app_configs=None, **kwargs):
    """The links mailed to registrants are made from SITE_URL: its default points at the
    developer's machine."""
    from urllib.parse import urlsplit

    if settings.DEBUG or urlsplit(settings.SITE_URL).hostname in settings.ALLOWED_HOSTS:
        return []
    return [
        checks.Warning(
            f"SITE_URL is {settings.SITE_URL}, not one of ALLOWED_HOSTS: the links in the "
            "emails sent to registrants would not reach the site.",
            hint="Set SITE_URL to the site's public address, e.g. https://www.example.org.",
            id="aict_site.W002",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def ready_for_launch(app_configs=None, **kwargs):
    """What the admin dashboard lists as blocking launch (legal notice, notification
    addresses, accessibility statement), as warnings."""
    from . import dashboard

    blockers = dashboard.launch_blockers() or []
    return [
        checks.Warning(
            entry.text,
            hint="Fill it in the admin, or run `manage.py readiness`.",
            id="aict_site.W010",
        )
        for entry in blockers
    ]
