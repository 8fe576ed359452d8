"""The admin of every content record: a history where « Restaurer » restores one record (see
aict_site.revisions) and two versions compare, visitors' records left out of it, and the
record's publication state at a glance (aict_site.publishing_admin)."""

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from .project_apps import is_visitor_record
from .publishing_admin import PublicationStateMixin
from .revision_compare import compare
from .revisions import OneRecordRevision


class ContentVersionAdmin(PublicationStateMixin, VersionAdmin):
    object_history_template = "reversion/object_history.html"

    def _reversion_introspect_inline_admin(self, inline):
        model, follow = super()._reversion_introspect_inline_admin(inline)
        if model is not None and is_visitor_record(model):
            return None, None
        return model, follow

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        # reversion's view calls version.revision.revert(delete=True) for both the preview
        # (rolled back) and the restore: the cached related object is swapped for one whose
        # revert() is limited to this record.
        stand_in = OneRecordRevision(version)
        version._state.fields_cache["revision"] = stand_in
        context = {"restore_plan": stand_in.plan, **(extra_context or {})}
        return super()._reversion_revisionform_view(request, version, template_name, context)

    def history_view(self, request, object_id, extra_context=None):
        # reversion's list, with each version's id for the comparison's choices.
        opts = self.model._meta
        versions = Version.objects.get_for_object_reference(self.model, unquote(object_id))
        actions = [
            {
                "version": version,
                "revision": version.revision,
                "url": reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                    args=(quote(version.object_id), version.pk),
                ),
            }
            for version in versions.select_related("revision", "revision__user")
        ]
        context = {"action_list": actions, **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}_compare"
        compare_url = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=name,
        )
        return [compare_url, *super().get_urls()]

    def compare_view(self, request, object_id):
        object_id = unquote(object_id)
        record = self.get_object(request, object_id)
        if record is None:
            raise Http404
        if not self.has_view_or_change_permission(request, record):
            raise PermissionDenied
        versions = Version.objects.get_for_object(record)
        try:
            old = versions.get(pk=int(request.GET.get("avant", "")))
            new = versions.get(pk=int(request.GET.get("apres", "")))
        except (ValueError, Version.DoesNotExist):
            raise Http404 from None
        if old.revision.date_created > new.revision.date_created:
            old, new = new, old
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "object": record,
            "title": _("Compare two versions of « %(name)s »") % {"name": record},
            "old": old,
            "new": new,
            "rows": compare(self.model, old, new),
        }
        return TemplateResponse(request, "reversion/compare.html", context)
