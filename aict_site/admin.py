"""Accounts and login records in the admin, in French: Django stores permission names
(« Can add page ») in English in the database, and django-axes names its records in English
(« Attempted Access: … ») in the titles, breadcrumbs and histories the admin shows."""

from functools import partial

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .invitations import invitation_view

ACTIONS = {
    "add": lambda model: _("Add: %(model)s") % {"model": model},
    "change": lambda model: _("Change: %(model)s") % {"model": model},
    "delete": lambda model: _("Delete: %(model)s") % {"model": model},
    "view": lambda model: _("View: %(model)s") % {"model": model},
}


def permission_label(permission):
    """« Pages | Modifier : page » for Django's four permissions of each model; a model's own
    permission reads as its Meta declares it, translated (the database keeps the name in the
    language of the migration)."""
    content_type = permission.content_type
    model = content_type.model_class()
    action, _sep, model_name = permission.codename.partition("_")
    declared = dict(model._meta.permissions) if model is not None else {}
    if permission.codename in declared:
        label = str(declared[permission.codename])
    elif model is not None and action in ACTIONS and model_name == model._meta.model_name:
        label = ACTIONS[action](model._meta.verbose_name)
    else:
        label = permission.name
    return f"{apps.get_app_config(content_type.app_label).verbose_name} | {label}"


class FrenchPermissions:
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in {"permissions", "user_permissions"}:
            field.queryset = field.queryset.select_related("content_type")
            field.label_from_instance = permission_label
        return field


class SiteGroupAdmin(FrenchPermissions, GroupAdmin):
    pass


class SiteUserAdmin(FrenchPermissions, UserAdmin):
    def get_urls(self):
        invite = path(
            "inviter/",
            self.admin_site.admin_view(partial(invitation_view, self)),
            name="auth_user_invite",
        )
        return [invite, *super().get_urls()]

    def response_add(self, request, obj, post_url_continue=None):
        self.say_if_cannot_log_in(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self.say_if_cannot_log_in(request, obj)
        return super().response_change(request, obj)

    def say_if_cannot_log_in(self, request, user):
        if not user.is_staff and user.is_active:
            self.message_user(
                request,
                _("%(user)s cannot log in to the administration: tick « Statut équipe ».")
                % {"user": user.get_username()},
                messages.WARNING,
            )


admin.site.unregister(Group)
admin.site.register(Group, SiteGroupAdmin)
admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), SiteUserAdmin)


def _login_record(text):
    def name(record):
        when = date_format(timezone.localtime(record.attempt_time), "DATETIME_FORMAT")
        return text() % {"username": record.username or "—", "time": when}

    return name


AccessAttempt.__str__ = _login_record(lambda: _("Login attempts of %(username)s, %(time)s"))
AccessFailureLog.__str__ = _login_record(lambda: _("Failed login of %(username)s, %(time)s"))
AccessLog.__str__ = _login_record(lambda: _("Login of %(username)s, %(time)s"))
