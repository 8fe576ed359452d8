from datetime import datetime, time

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from aict_site.ordering import MoveButtonsMixin, OrderedAdminMixin
from aict_site.previews_admin import UnsavedPreviewMixin
from aict_site.revisions_admin import ContentVersionAdmin

from .models import Call, EligibilityItem, Funder, Scheme, WatchedAid


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
    inlines = [EligibilityInline, CallInline]
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


class MakeCallForm(forms.Form):
    scheme = forms.ModelChoiceField(
        label=_("scheme"), queryset=Scheme.objects.order_by("title"), empty_label=None
    )


@admin.register(WatchedAid)
class WatchedAidAdmin(admin.ModelAdmin):
    """« À examiner »: what Aides-territoires has that may concern the site. A record becomes a
    draft call of a scheme in one click (its form then opens), or is dismissed."""

    list_display = ["name", "financers", "start_date", "submission_deadline", "status",
                    "what_changed", "licence"]  # fmt: skip
    list_filter = ["status", "open_licence"]
    search_fields = ["name", "financers", "description"]
    actions = ["dismiss"]
    readonly_fields = [field.name for field in WatchedAid._meta.fields if field.name != "status"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "status",
                    "name",
                    "financers",
                    "start_date",
                    "submission_deadline",
                    "url",
                    "origin_url",
                    "application_url",
                    "open_licence",
                ]
            },
        ),
        (
            _("What Aides-territoires says"),
            {
                "fields": [
                    "description",
                    "eligibility",
                    "perimeter",
                    "targeted_audiences",
                    "categories",
                ]
            },
        ),
        (_("Follow-up"), {"fields": ["what_changed", "date_updated", "seen_at", "call"]}),
    ]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("licence"), boolean=True, ordering="open_licence")
    def licence(self, aid):
        return aid.open_licence

    @admin.action(description=_("Dismiss (not for the site)"), permissions=["change"])
    def dismiss(self, request, queryset):
        count = queryset.update(status=WatchedAid.Status.DISMISSED)
        self.message_user(
            request,
            ngettext("%(count)s aid dismissed.", "%(count)s aids dismissed.", count)
            % {"count": count},
        )

    def get_urls(self):
        make = path(
            "<int:pk>/appel/",
            self.admin_site.admin_view(self.make_call_view),
            name="funding_watchedaid_make_call",
        )
        return [make, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {"make_call_form": MakeCallForm(), **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context)

    def make_call_view(self, request, pk):
        """A draft call of the chosen scheme from the aid (title, dates, link, where it comes
        from), then the call's form, to check and publish."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        aid = WatchedAid.objects.filter(pk=pk).first()
        if aid is None or not request.user.has_perm("funding.add_call"):
            raise PermissionDenied
        form = MakeCallForm(request.POST)
        if not form.is_valid():
            self.message_user(request, _("Choose the scheme of the call."), messages.ERROR)
            return redirect("admin:funding_watchedaid_change", aid.pk)
        call = Call.objects.create(
            scheme=form.cleaned_data["scheme"],
            title=aid.name[:200],
            opens_at=paris_day(aid.start_date, time(0, 0)),
            closes_at=paris_day(aid.submission_deadline, time(23, 59)),
            url=aid.origin_url or aid.url,
            notes=_("From Aides-territoires (record no. %(number)s), to check against its source.")
            % {"number": aid.source_id},
        )
        aid.call, aid.status, aid.what_changed = call, WatchedAid.Status.DONE, ""
        aid.save()
        self.message_user(
            request, _("Draft call made: check it, then tick « publié »."), messages.SUCCESS
        )
        return redirect("admin:funding_call_change", call.pk)


def paris_day(day, at):
    if day is None:
        return None
    return timezone.make_aware(datetime.combine(day, at))
