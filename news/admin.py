from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from aict_site.previews_admin import UnsavedPreviewMixin
from aict_site.revisions_admin import ContentVersionAdmin

from .models import NewsItem


@admin.register(NewsItem)
class NewsItemAdmin(UnsavedPreviewMixin, ContentVersionAdmin):
    list_display = ["title", "published_at", "is_published"]
    list_filter = ["is_published", "themes"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    autocomplete_fields = ["themes", "countries", "schemes", "calls", "events", "authorities"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (
            _("Links"),
            {"fields": ["themes", "countries", "schemes", "calls", "events", "authorities"]},
        ),
        (_("Publication"), {"fields": ["published_at", "is_published"]}),
    ]


class MentionInline(admin.TabularInline):
    """The news items that mention the record being edited, read-only, each linking to its
    own form: staff see what a change (a date, a closing) may make out of date."""

    extra = 0
    can_delete = False
    verbose_name = _("news item that mentions it")
    verbose_name_plural = _("news that mention it")
    fields = ["news_item"]
    readonly_fields = ["news_item"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("newsitem")

    @admin.display(description=_("news item"))
    def news_item(self, link):
        item = link.newsitem
        state = _("published") if item.is_live else _("not published")
        return format_html(
            '<a href="{}">{}</a> ({}, {})',
            reverse("admin:news_newsitem_change", args=[item.pk]),
            item.title,
            timezone.localtime(item.published_at).strftime("%d/%m/%Y"),
            state,
        )


def mention_inline(relation):
    through = NewsItem._meta.get_field(relation).remote_field.through
    return type(f"{relation.title()}MentionInline", (MentionInline,), {"model": through})


# The funding and events apps do not know of news: this app adds its inline to their admin.
for relation in ("schemes", "calls", "events"):
    model = NewsItem._meta.get_field(relation).related_model
    model_admin = admin.site._registry.get(model)
    if model_admin is not None:
        model_admin.inlines = [*model_admin.inlines, mention_inline(relation)]
