from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from aict_site.revisions_admin import ContentVersionAdmin
from aict_site.templatetags.french import weight

from .models import Resource


@admin.register(Resource)
class ResourceAdmin(ContentVersionAdmin):
    list_display = ["title", "kind", "format_and_size", "date", "is_published"]
    list_filter = ["kind", "is_published", "language", "themes"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["themes", "schemes", "events"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "description"]}),
        (_("Document"), {"fields": ["file", "url", "language", "date"]}),
        (_("Links"), {"fields": ["themes", "schemes", "events"]}),
        (_("Publication"), {"fields": ["is_published"]}),
    ]

    @admin.display(description=_("format"))
    def format_and_size(self, resource):
        if resource.format is None:
            return _("link")
        return f"{resource.format.label}, {weight(resource.file_size)}"
