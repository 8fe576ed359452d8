"""The staff admin, grouped by task rather than by app, with the count of new requests."""

from functools import wraps

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.views.main import ERROR_FLAG
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

# (group title, [(app_label, model_name or None for the whole app)])
GROUPS = [
    (_("Pages"), [("pages", None)]),
    (_("Financements"), [("funding", None)]),
    (_("Agenda"), [("events", None)]),
    (_("Réseau et contacts"), [("contacts", None)]),
    (_("Demandes"), [("contacts", "contactrequest"), ("events", "registration")]),
    (_("Comptes et sécurité"), [("auth", None), ("axes", None)]),
]
REQUEST_MODELS = {("contacts", "contactrequest"), ("events", "registration")}


class SiteAdmin(admin.AdminSite):
    site_header = _("Lianes coopération — administration du site")
    site_title = _("Administration Lianes coopération")
    index_title = _("Que voulez-vous modifier ?")

    def admin_view(self, view, cacheable=False):
        """Every admin page, with lookups no database can hold answered as Django answers
        wrong ones: the list again, without its filters (`?e=1`), instead of a 500."""
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def guarded(request, *args, **kwargs):
            try:
                return inner(request, *args, **kwargs)
            except OverflowError:  # e.g. ?created_at__year=99999999999999999999
                if request.method != "GET" or ERROR_FLAG in request.GET:
                    raise
                return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")

        return guarded

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
        for title, members in GROUPS:
            keys = [key for key in entries if any(self._belongs(key, member) for member in members)]
            if keys:
                app = entries[keys[0]][0]
                models = [self._with_new_count(key, entries.pop(key)[1]) for key in keys]
                grouped.append({**app, "name": title, "models": models})
        for app in apps:
            models = [
                m for m in app["models"] if (app["app_label"], m["object_name"].lower()) in entries
            ]
            if models:
                grouped.append({**app, "models": models})
        return grouped

    @staticmethod
    def _belongs(key, member):
        app_label, model_name = member
        if model_name is None:
            return key[0] == app_label and key not in REQUEST_MODELS
        return key == member

    def _with_new_count(self, key, model):
        if key != ("contacts", "contactrequest"):
            return model
        from contacts.models import ContactRequest

        new = ContactRequest.objects.filter(status=ContactRequest.Status.NEW).count()
        if new:
            label = _("%(name)s (%(count)s nouvelle(s))") % {"name": model["name"], "count": new}
            model = {**model, "name": label}
        return model


class SiteAdminConfig(AdminConfig):
    default_site = "aict_site.admin_site.SiteAdmin"
