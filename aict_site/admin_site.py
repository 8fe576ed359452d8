"""The staff admin, grouped by task rather than by app, with the count of new requests."""

from functools import wraps

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.views.main import ERROR_FLAG
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.i18n import JavaScriptCatalog

from .admin_french import FrenchAdminMixin
from .controls import multi_line

# Libraries' apps the administrators use, gathered under one heading.
SECURITY_APPS = ("auth", "axes")


def request_keys():
    """(app_label, model_name) of visitors' records."""
    # Imported here: this module is the admin's AppConfig, loaded before any model.
    from .project_apps import visitor_record_models

    return [(m._meta.app_label, m._meta.model_name) for m in visitor_record_models()]


def groups():
    """(title, members) in the order of the index: each project app under its own name
    without its visitors' records, then those records together (« Demandes »), then accounts
    and security. A member is (app_label, model_name), or (app_label, None) for the app."""
    from .project_apps import project_app_configs

    return [
        *((config.verbose_name, [(config.label, None)]) for config in project_app_configs()),
        (_("Requests"), request_keys()),
        (_("Accounts and security"), [(label, None) for label in SECURITY_APPS]),
    ]


# Built once: the admin asks for its catalogue on every change form.
_JAVASCRIPT_CATALOG = JavaScriptCatalog.as_view(
    packages=["django.contrib.admin", "django_prose_editor"]
)


def cleaned_post(data):
    """What staff posted, cleaned at the door of the characters they pasted without seeing
    them: a vertical tab (Word's manual line break) becomes a line break, other control
    characters and bidirectional overrides go. Passwords are left as typed."""
    cleaned = data.copy()
    for name, values in data.lists():
        if "password" not in name:
            cleaned.setlist(name, [multi_line(value) for value in values])
    cleaned._mutable = False
    return cleaned


class SiteAdmin(admin.AdminSite):
    site_header = _("Lianes coopération — site administration")
    site_title = _("Lianes coopération administration")
    index_title = _("What would you like to edit?")

    def admin_view(self, view, cacheable=False):
        """Every admin page, with lookups no database can hold answered as Django answers
        wrong ones: the list again, without its filters (`?e=1`), instead of a 500."""
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def guarded(request, *args, **kwargs):
            if request.method == "POST":
                request.POST = cleaned_post(request.POST)
            try:
                return inner(request, *args, **kwargs)
            except OverflowError:  # e.g. ?created_at__year=99999999999999999999
                if request.method != "GET" or ERROR_FLAG in request.GET:
                    raise
                return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")

        return guarded

    def register(self, model_or_iterable, admin_class=None, **options):
        """Every model's admin, the libraries' too, with what it needs to read in French
        (aict_site.admin_french)."""
        base = admin_class or admin.ModelAdmin
        if not issubclass(base, FrenchAdminMixin):
            admin_class = type(
                base.__name__, (FrenchAdminMixin, base), {"__module__": base.__module__}
            )
        super().register(model_or_iterable, admin_class, **options)

    def index(self, request, extra_context=None):
        """The home page opens on the dashboard: what came in, what is coming up, and what
        the public site still lacks (aict_site.dashboard)."""
        from . import dashboard

        checklist = dashboard.readiness()
        mine = [entry for entry in checklist if dashboard.can_open(request, entry.url)]
        extra_context = {
            **(extra_context or {}),
            "activity": [e for e in dashboard.activity() if dashboard.can_open(request, e.url)],
            "checklist": mine,
            "blocks_launch": any(entry.blocks_launch for entry in checklist),
            "blockers_elsewhere": sum(
                entry.blocks_launch for entry in checklist if entry not in mine
            ),
        }
        return super().index(request, extra_context)

    def i18n_javascript(self, request, extra_context=None):
        """The admin's JavaScript catalogue, with the rich-text editor's strings and the
        project's French for them (locale/libraries, read from LOCALE_PATHS)."""
        return _JAVASCRIPT_CATALOG(request)

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        if app_label:
            return apps
        entries = {
            (app["app_label"], model["object_name"].lower()): (app, model)
            for app in apps
            for model in app["models"]
        }
        grouped = []
        requests = set(request_keys())
        for title, members in groups():
            keys = [
                key
                for key in entries
                if any(self._belongs(key, member, requests) for member in members)
            ]
            if keys:
                app = entries[keys[0]][0]
                models = [self._with_new_count(entries.pop(key)[1]) for key in keys]
                grouped.append({**app, "name": title, "models": models})
        for app in apps:
            models = [
                m for m in app["models"] if (app["app_label"], m["object_name"].lower()) in entries
            ]
            if models:
                grouped.append({**app, "models": models})
        return grouped

    @staticmethod
    def _belongs(key, member, requests):
        app_label, model_name = member
        if model_name is None:
            return key[0] == app_label and key not in requests
        return key == member

    def _with_new_count(self, model):
        """« (3 nouvelles) » after a visitors' record list whose model counts its new ones."""
        count_new = getattr(model["model"], "count_new", None)
        new = count_new() if count_new else 0
        if new:
            label = ngettext("%(name)s (%(count)s new)", "%(name)s (%(count)s new)", new) % {
                "name": model["name"],
                "count": new,
            }
            model = {**model, "name": label}
        return model


class SiteAdminConfig(AdminConfig):
    default_site = "aict_site.admin_site.SiteAdmin"
