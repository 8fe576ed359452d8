"""Whether a record is on the site, at a glance in the admin: lists say « en ligne »,
« programmé le … » or « brouillon » instead of a tick that looks the same for a live and a
scheduled item, and saving a record that visitors do not see says so, with a button that
publishes it."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

LIVE, SCHEDULED, DRAFT = "live", "scheduled", "draft"


def state_of(record, now=None):
    if not record.is_published:
        return DRAFT
    when = getattr(record, "published_at", None)
    if when is not None and when > (now or timezone.now()):
        return SCHEDULED
    return LIVE


def state_label(record):
    state = state_of(record)
    if state == SCHEDULED:
        when = date_format(timezone.localtime(record.published_at), "j F Y à G \\h i")
        return state, _("scheduled for %(when)s") % {"when": when}
    return state, {LIVE: _("on the site"), DRAFT: _("draft")}[state]


class PublicationStateMixin:
    """For the admin of a model with `is_published` (aict_site.publishing.Publishable)."""

    def publishes(self):
        return any(field.name == "is_published" for field in self.model._meta.fields)

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        # A tick staff edit in the list stays a tick: the column then says the same.
        if "is_published" in columns and "is_published" not in (self.list_editable or ()):
            columns[columns.index("is_published")] = "publication_state"
        return columns

    @admin.display(description=gettext_lazy("on the site"), ordering="is_published")
    def publication_state(self, record):
        state, label = state_label(record)
        return format_html('<span class="publication-state is-{}">{}</span>', state, label)

    def get_urls(self):
        opts = self.model._meta
        publish = path(
            "<path:object_id>/publier/",
            self.admin_site.admin_view(self.publish_view),
            name=f"{opts.app_label}_{opts.model_name}_publish",
        )
        return [publish, *super().get_urls()]

    def publish_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        record = self.get_object(request, unquote(object_id))
        if record is None:
            raise Http404
        if not self.has_change_permission(request, record):
            raise PermissionDenied
        record.is_published = True
        with self.create_revision(request):
            record.save()
            self.log_change(request, record, [{"changed": {"fields": ["is_published"]}}])
        self.message_user(request, _("« %(record)s » is on the site.") % {"record": record})
        opts = self.model._meta
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
        return HttpResponseRedirect(change)

    def response_add(self, request, obj, post_url_continue=None):
        self.say_if_not_on_site(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self.say_if_not_on_site(request, obj)
        return super().response_change(request, obj)

    def say_if_not_on_site(self, request, record):
        if not self.publishes():
            return
        state, label = state_label(record)
        if state == LIVE:
            return
        if state == SCHEDULED:
            text = _("« %(record)s » is not on the site yet: %(state)s.")
            self.message_user(request, text % {"record": record, "state": label}, messages.WARNING)
            return
        opts = self.model._meta
        publish = reverse(f"admin:{opts.app_label}_{opts.model_name}_publish", args=[record.pk])
        self.message_user(
            request,
            format_html(
                '{} <form method="post" action="{}" class="inline-publish">'
                '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
                '<button type="submit" class="button">{}</button></form>',
                _("« %(record)s » is a draft: visitors do not see it.") % {"record": record},
                publish,
                get_token(request),
                _("Publish it now"),
            ),
            messages.WARNING,
        )
