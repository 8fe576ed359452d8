"""The three staff roles, kept in step with the models as apps are added (the table in the
README, « Staff roles », says the same and a test holds them together).

The groups are created by data migrations (pages 0002, 0013); after every migrate their
permissions are refreshed from what the apps' models declare (aict_site.project_apps), so a
new app's models join the roles without being named here:
- « Rédaction » edits content: the add/change/delete/view permissions of every content model,
  except the models that say `administrators_only = True` (the site settings) and the delete
  permission of those that say `editors_may_delete = False` (schemes, offices). A model's own
  extra permissions (its Meta.permissions: delete a page with a layout, change where an
  office's requests go) are never the editors'.
- « Accueil » handles visitors' records (contact requests, registrations, subscribers): reads
  them, follows them up, exports and erases a person's data; never adds one.
- « Administration » has every permission of the project's apps, plus accounts, lock-outs and
  revisions.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from .project_apps import content_models, project_app_configs, visitor_record_models

EDITOR = "Rédaction"
RECEPTION = "Accueil"
ADMINISTRATOR = "Administration"
ROLES = (EDITOR, RECEPTION, ADMINISTRATOR)

ADMINISTRATION_APPS = ("auth", "axes", "reversion")


def _codenames(model, actions):
    return [f"{action}_{model._meta.model_name}" for action in actions]


def _permissions(grants):
    """The Permission rows for [(model, [codename…])]."""
    query = Permission.objects.none()
    for model, codenames in grants:
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        query |= Permission.objects.filter(content_type=content_type, codename__in=codenames)
    return query


def editor_grants():
    for model in content_models():
        if getattr(model, "administrators_only", False):
            continue
        actions = [
            action
            for action in model._meta.default_permissions
            if action != "delete" or getattr(model, "editors_may_delete", True)
        ]
        yield model, _codenames(model, actions)


def reception_grants():
    for model in visitor_record_models():
        actions = [a for a in model._meta.default_permissions if a != "add"]
        yield model, _codenames(model, actions)


def sync_roles(**kwargs):
    # Only the groups the migrations made: a test database flushed between tests has none,
    # and must not get them behind the back of its serialized copy.
    groups = {group.name: group for group in Group.objects.filter(name__in=ROLES)}
    if len(groups) < len(ROLES):
        return
    groups[EDITOR].permissions.set(_permissions(editor_grants()))
    groups[RECEPTION].permissions.set(_permissions(reception_grants()))
    project_apps = [config.label for config in project_app_configs()]
    groups[ADMINISTRATOR].permissions.set(
        Permission.objects.filter(content_type__app_label__in=[*project_apps, *ADMINISTRATION_APPS])
    )
