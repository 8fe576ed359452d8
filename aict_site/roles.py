"""The two staff roles, kept in step with the models as apps are added.

The groups themselves are created by a data migration (pages 0002); after every migrate their
permissions are refreshed from what the apps declare (aict_site.project_apps), so a new app's
models join the roles without being named here:
- « Rédaction » edits every content model, reads visitors' records (contact requests,
  registrations) and changes their follow-up fields, and leaves alone the models that say
  `administrators_only = True` (the site settings);
- « Administration » has all of that, plus accounts, lock-outs and revisions.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from .project_apps import project_app_configs, visitor_record_models

EDITOR = "Rédaction"
ADMINISTRATOR = "Administration"

ADMINISTRATION_APPS = ("auth", "axes", "reversion")


def _content_type_ids(models):
    return [ContentType.objects.get_for_model(model).pk for model in models]


def sync_roles(**kwargs):
    # Only the groups the migration made: a test database flushed between tests has none,
    # and must not get them behind the back of its serialized copy.
    editor = Group.objects.filter(name=EDITOR).first()
    administrator = Group.objects.filter(name=ADMINISTRATOR).first()
    if editor is None or administrator is None:
        return
    project_apps = [config.label for config in project_app_configs()]
    content = Permission.objects.filter(content_type__app_label__in=project_apps)
    admin_only = [
        model
        for config in project_app_configs()
        for model in config.get_models()
        if getattr(model, "administrators_only", False)
    ]
    content = content.exclude(content_type__in=_content_type_ids(admin_only))
    # Visitors' records: read them and follow them up, never add or delete one.
    content = content.exclude(
        Q(content_type__in=_content_type_ids(visitor_record_models()))
        & (Q(codename__startswith="add_") | Q(codename__startswith="delete_"))
    )
    editor.permissions.set(content)
    administrator.permissions.set(
        Permission.objects.filter(content_type__app_label__in=[*project_apps, *ADMINISTRATION_APPS])
    )
