"""Revisions of staff's content, never of visitors' records: a registration followed into an
event's revision would outlive its erasure (« revert » would even bring it back), and an admin
log entry would keep the person's name in « Actions récentes »."""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from reversion.admin import VersionAdmin
from reversion.models import Version

from .project_apps import is_visitor_record


class ContentVersionAdmin(VersionAdmin):
    """A VersionAdmin whose revisions leave out the inlines of visitors' records."""

    def _reversion_introspect_inline_admin(self, inline):
        model, follow = super()._reversion_introspect_inline_admin(inline)
        if model is not None and is_visitor_record(model):
            return None, None
        return model, follow


def forget(model, pks):
    """Every copy the site keeps of these records beyond their rows: their versions in
    revisions and the admin's log entries about them."""
    keys = [str(pk) for pk in pks]
    if not keys:
        return
    content_type = ContentType.objects.get_for_model(model)
    Version.objects.filter(content_type=content_type, object_id__in=keys).delete()
    LogEntry.objects.filter(content_type=content_type, object_id__in=keys).delete()
