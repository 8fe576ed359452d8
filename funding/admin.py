from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from aict_site.ordering import MoveButtonsMixin, OrderedAdminMixin
from aict_site.previews_admin import UnsavedPreviewMixin
from aict_site.revisions_admin import ContentVersionAdmin

from . import watch_admin  # noqa: F401 - « À examiner », registered there
from .models import Call, EligibilityItem, Funder, Scheme
from .questions_admin import QuestionInline


@admin.register(Funder)
class FunderAdmin(OrderedAdminMixin, ContentVersionAdmin):
    list_display = ["position", "name", "short_name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]


class EligibilityInline(admin.TabularInline):
    model = EligibilityItem
    extra = 1
    fields = ["text", "position"]


class CallInline(admin.StackedInline):
    model = Call
    extra = 0
    fields = [
        ("title", "is_published"),
        ("opens_at", "closes_at", "closing_time_given"),
        "announced_on",
        "url",
        "notes",
        "verified_on",
    ]


class CallState(admin.SimpleListFilter):
    title = _("calls")
    parameter_name = "appels"

    def lookups(self, request, model_admin):
        return [("ouvert", _("an open call")), ("30j", _("closing within 30 days"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "ouvert":
            return queryset.filter(pk__in=Call.objects.open_at(now).values("scheme"))
        if self.value() == "30j":
            soon = Call.objects.closing_within(30, now)
            return queryset.filter(pk__in=soon.values("scheme"))
        return queryset


@admin.register(Scheme)
class SchemeAdmin(MoveButtonsMixin, UnsavedPreviewMixin, ContentVersionAdmin):
    order_scope = "funder"
    list_display = ["title", "funder", "kind", "is_published", "next_closing", "verified_on"]
    list_filter = ["funder", "is_published", "kind", "themes", CallState]
    list_select_related = ["funder"]
    search_fields = ["title", "summary", "description", "funder__name", "funder__short_name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["countries", "themes"]
    filter_horizontal = ["eligible_authority_types", "country_groups"]
    inlines = [EligibilityInline, QuestionInline, CallInline]
    fieldsets = [
        (None, {"fields": ["funder", "title", "slug", "kind", "summary", "description"]}),
        (
            _("For whom and for what"),
            {
                "fields": [
                    "eligible_authority_types",
                    ("types_source", "types_source_url"),
                    "themes",
                    "countries_rule",
                    "countries",
                    "country_groups",
                    ("countries_source", "countries_source_url"),
                ]
            },
        ),
        (
            _("Amounts (only when sourced)"),
            {"fields": [("amount_min", "amount_max"), "amount_note", "max_rate"]},
        ),
        (
            _("Links and source"),
            {"fields": ["official_url", "source", "source_url", "verified_on"]},
        ),
        (_("Publication"), {"fields": ["is_published"]}),
        (_("Documents, events and news about this scheme"), {"fields": ["linked_elsewhere"]}),
    ]
    readonly_fields = ["linked_elsewhere"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("calls")

    @admin.display(description=_("linked here"))
    def linked_elsewhere(self, scheme):
        """What other apps attach to the scheme (its documents, events, news), each a link to
        its form, and a link to add one already attached."""
        if scheme.pk is None:
            return _("Save the scheme first.")
        rows = []
        for relation in Scheme._meta.related_objects:
            model = relation.related_model
            if not relation.many_to_many or not admin.site.is_registered(model):
                continue
            opts = model._meta
            for record in model._default_manager.filter(**{relation.field.name: scheme})[:50]:
                url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
                kind = capfirst(opts.verbose_name)
                rows.append(format_html('<li>{} : <a href="{}">{}</a></li>', kind, url, record))
            add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
            rows.append(
                format_html(
                    '<li><a href="{}?{}={}">{}</a></li>',
                    add,
                    relation.field.name,
                    scheme.pk,
                    _("Add: %(kind)s about this scheme") % {"kind": opts.verbose_name},
                )
            )
        return format_html("<ul>{}</ul>", format_html_join("", "{}", ((row,) for row in rows)))

    @admin.display(description=_("next closing"))
    def next_closing(self, scheme):
        now = timezone.now()
        upcoming = [c.closes_at for c in scheme.calls.all() if c.closes_at and c.closes_at >= now]
        return timezone.localtime(min(upcoming)).strftime("%d/%m/%Y") if upcoming else "—"


class ClosingSoon(admin.SimpleListFilter):
    title = _("closing")
    parameter_name = "cloture"

    def lookups(self, request, model_admin):
        return [("30j", _("within 30 days")), ("passee", _("closed"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "30j":
            return queryset.closing_within(30, now)
        if self.value() == "passee":
            return queryset.filter(closes_at__lt=now)
        return queryset


@admin.register(Call)
class CallAdmin(ContentVersionAdmin):
    list_display = ["title", "scheme", "opens_at", "closes_at", "is_published"]
    list_filter = [ClosingSoon, "is_published", "scheme__funder"]
    list_select_related = ["scheme"]
    search_fields = ["title", "scheme__title", "notes"]
    autocomplete_fields = ["scheme"]
    date_hierarchy = "closes_at"
