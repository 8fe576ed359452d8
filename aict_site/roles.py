"""The two staff roles, kept in step with the models as apps are added.

The groups themselves are created by a data migration (pages 0002); after every
migrate their permissions are refreshed, so a new app's models join the roles.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITOR = "Rédaction"
ADMINISTRATOR = "Administration"

CONTENT_APPS = ("pages", "funding", "contacts", "events")
# Records that only the administrators may change.
ADMIN_ONLY_MODELS = (("pages", "sitesettings"),)
# Read-only for editors: visitors' requests are theirs to read, not to rewrite.
EDITOR_READ_ONLY_MODELS = (("contacts", "contactrequest"),)
ADMINISTRATION_APPS = ("auth", "axes")


def sync_roles(**kwargs):
    # Only the groups the migration made: a test database flushed between tests has none,
    # and must not get them behind the back of its serialized copy.
    editor = Group.objects.filter(name=EDITOR).first()
    administrator = Group.objects.filter(name=ADMINISTRATOR).first()
    if editor is None or administrator is None:
        return
    content = Permission.objects.filter(content_type__app_label__in=CONTENT_APPS)
    for app_label, model in ADMIN_ONLY_MODELS:
        content = content.exclude(content_type__app_label=app_label, content_type__model=model)
    for app_label, model in EDITOR_READ_ONLY_MODELS:
        content = content.exclude(
            Q(content_type__app_label=app_label, content_type__model=model)
            & ~Q(codename__startswith="view_")
        )
    editor.permissions.set(content)
    administrator.permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=CONTENT_APPS + ADMINISTRATION_APPS + ("reversion",)
        )
    )
