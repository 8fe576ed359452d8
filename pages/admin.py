from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from aict_site.ordering import OrderedAdminMixin
from aict_site.previews_admin import UnsavedPreviewMixin
from aict_site.revisions_admin import ContentVersionAdmin

from .models import Action, MenuEntry, MenuSection, Page, Reason, SiteSettings, SlugRedirect


class SlugRedirectInline(admin.TabularInline):
    model = SlugRedirect
    extra = 0
    fields = ["old_slug", "created_at"]
    readonly_fields = ["created_at"]
    verbose_name_plural = _("former addresses that redirect to this page")


@admin.register(Page)
class PageAdmin(UnsavedPreviewMixin, ContentVersionAdmin):
    list_display = [
        "title",
        "layout",
        "is_published",
        "position",
        "updated_at",
        "preview",
    ]
    list_editable = ["position"]
    list_filter = ["is_published", "layout"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    inlines = [SlugRedirectInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "layout", "summary", "body"]}),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (_("Publication"), {"fields": ["is_published", "published_at"]}),
        (
            _("Menu and breadcrumbs"),
            {
                "fields": ["menu_title", "position", "parent"],
                "description": _(
                    "Where the page appears in the main menu is set in « Menu principal »; "
                    "the order sorts the pages in the site map."
                ),
            },
        ),
        (
            _("Search engines"),
            {
                "fields": ["seo_title", "meta_description"],
                "description": _(
                    "What search engines show. Title: about 60 characters; description: between "
                    "50 and 160 characters."
                ),
            },
        ),
    ]

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if not request.user.has_perm("pages.delete_layout_page") and any(
            page.layout != Page.Layout.STANDARD for page in objs
        ):
            # Django's confirmation then refuses, naming what the account may not delete.
            perms_needed.add(_("the home page and the pages with a layout"))
        return deleted, counts, perms_needed, protected

    @admin.display(description=_("preview"))
    def preview(self, page):
        label = _("View on the site") if page.is_live else _("Preview of the draft")
        return format_html('<a href="{}">{}</a>', page.get_absolute_url(), label)


class OrderedItemAdmin(OrderedAdminMixin, ContentVersionAdmin):
    list_editable = ["is_published"]
    list_filter = ["is_published"]
    ordering = ["position", "pk"]


@admin.register(Reason)
class ReasonAdmin(OrderedItemAdmin):
    list_display = ["position", "title", "is_published", "updated_at"]
    list_display_links = ["title"]
    search_fields = ["title", "text"]
    fields = ["title", "text", "is_published"]


@admin.register(Action)
class ActionAdmin(OrderedItemAdmin):
    list_display = ["position", "__str__", "is_published", "updated_at"]
    list_display_links = ["__str__"]
    search_fields = ["text"]
    fields = ["text", "is_published"]


@admin.register(SiteSettings)
class SiteSettingsAdmin(ContentVersionAdmin):
    list_display = ["__str__", "accessibility_status", "missing_facts", "updated_at"]
    list_filter = ["accessibility_status"]
    search_fields = ["organisation_name"]
    fieldsets = [
        (None, {"fields": ["organisation_name", "tagline", "contact_email"]}),
        (
            _("Legal notice (to complete)"),
            {
                "fields": [
                    "publisher",
                    "publication_director",
                    "postal_address",
                    "host_name",
                    "host_address",
                    "host_phone",
                ],
                "description": _(
                    "Required on an association's site. While a field is empty, the legal "
                    "notice page shows “not provided”."
                ),
            },
        ),
        (
            _("Accessibility"),
            {
                "fields": [
                    "accessibility_status",
                    "accessibility_checked_on",
                    "accessibility_statement_on",
                ]
            },
        ),
        (
            _("Social networks"),
            {"fields": ["linkedin_url", "facebook_url", "mastodon_url", "youtube_url"]},
        ),
    ]

    @admin.display(description=_("to complete"))
    def missing_facts(self, record):
        return ", ".join(record.missing_legal_facts) or "—"

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id:
            record = SiteSettings.objects.filter(pk=object_id).first()
            if record and record.missing_legal_facts and request.method == "GET":
                messages.warning(
                    request,
                    _("To complete for the legal notice: %(fields)s.")
                    % {"fields": ", ".join(record.missing_legal_facts)},
                )
        return super().changeform_view(request, object_id, form_url, extra_context)


class MenuEntryInline(admin.TabularInline):
    model = MenuEntry
    extra = 1
    fields = ["position", "page", "link", "label"]
    autocomplete_fields = ["page"]
    verbose_name_plural = _("entries (a page, or an address with its label)")


@admin.register(MenuSection)
class MenuSectionAdmin(OrderedAdminMixin, ContentVersionAdmin):
    list_display = ["position", "title", "entry_list", "is_published"]
    list_display_links = ["title"]
    fields = ["title", "is_published"]
    inlines = [MenuEntryInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("entries__page")

    @admin.display(description=_("entries"))
    def entry_list(self, section):
        return ", ".join(entry.text for entry in section.entries.all()) or "—"
