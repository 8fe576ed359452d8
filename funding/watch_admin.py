"""« À examiner »: what Aides-territoires has that may concern the site (filled by
manage.py watch_aides_territoires). In one click a record becomes a draft call of a scheme or
a draft scheme, or brings its new dates to the call made from it; or it is dismissed. Nothing
is published: the draft's form opens, for staff to check against the source and publish."""

from datetime import datetime, time

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from aict_site.richtext import plain_text

from .models import Call, Funder, Scheme, WatchedAid

SUMMARY_LENGTH = 600


def paris_day(day, at):
    if day is None:
        return None
    return timezone.make_aware(datetime.combine(day, at))


class MakeCallForm(forms.Form):
    scheme = forms.ModelChoiceField(
        label=gettext_lazy("scheme"), queryset=Scheme.objects.order_by("title"), empty_label=None
    )


class MakeSchemeForm(forms.Form):
    funder = forms.ModelChoiceField(
        label=gettext_lazy("funder"), queryset=Funder.objects.all(), empty_label=None
    )


def unique_slug(title):
    base = slugify(title)[:180] or "dispositif"
    slug, number = base, 2
    while Scheme.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@admin.register(WatchedAid)
class WatchedAidAdmin(admin.ModelAdmin):
    list_display = ["name", "financers", "start_date", "submission_deadline", "status",
                    "what_changed", "licence"]  # fmt: skip
    list_filter = ["status", "open_licence"]
    search_fields = ["name", "financers", "description"]
    actions = ["dismiss"]
    readonly_fields = [field.name for field in WatchedAid._meta.fields if field.name != "status"]
    main_fields = ["status", "name", "financers", "start_date", "submission_deadline", "url",
                   "origin_url", "application_url", "open_licence"]  # fmt: skip
    source_fields = ["description", "eligibility", "perimeter", "targeted_audiences", "categories"]
    fieldsets = [
        (None, {"fields": main_fields}),
        (gettext_lazy("What Aides-territoires says"), {"fields": source_fields}),
        (
            gettext_lazy("Follow-up"),
            {"fields": ["what_changed", "date_updated", "seen_at", "call"]},
        ),
    ]

    def has_add_permission(self, request):
        return False

    @admin.display(description=gettext_lazy("licence"), boolean=True, ordering="open_licence")
    def licence(self, aid):
        return aid.open_licence

    @admin.action(description=gettext_lazy("Dismiss (not for the site)"), permissions=["change"])
    def dismiss(self, request, queryset):
        count = queryset.update(status=WatchedAid.Status.DISMISSED)
        self.message_user(
            request,
            ngettext("%(count)s aid dismissed.", "%(count)s aids dismissed.", count)
            % {"count": count},
        )

    def get_urls(self):
        views = [
            ("appel", self.make_call_view, "make_call"),
            ("dispositif", self.make_scheme_view, "make_scheme"),
            ("mise-a-jour", self.update_call_view, "update_call"),
        ]
        patterns = [
            path(
                f"<int:pk>/{route}/",
                self.admin_site.admin_view(view),
                name=f"funding_watchedaid_{name}",
            )
            for route, view, name in views
        ]
        return [
            *patterns,
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            "make_call_form": MakeCallForm(),
            "make_scheme_form": MakeSchemeForm(),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def aid_for(self, request, pk, permission):
        if request.method != "POST":
            return None
        aid = WatchedAid.objects.filter(pk=pk).first()
        if aid is None or not request.user.has_perm(permission):
            raise PermissionDenied
        return aid

    def taken(self, aid, call=None):
        aid.status, aid.what_changed = WatchedAid.Status.DONE, ""
        if call is not None:
            aid.call = call
        aid.save()

    def origin_note(self, aid):
        return _("From Aides-territoires (record no. %(number)s), to check against its source.") % {
            "number": aid.source_id
        }

    def make_call_view(self, request, pk):
        """A draft call of the chosen scheme (title, dates, link, where it comes from)."""
        aid = self.aid_for(request, pk, "funding.add_call")
        if aid is None:
            return HttpResponseNotAllowed(["POST"])
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
            notes=self.origin_note(aid),
        )
        self.taken(aid, call)
        self.message_user(
            request, _("Draft call made: check it, then tick « publié »."), messages.SUCCESS
        )
        return redirect("admin:funding_call_change", call.pk)

    def make_scheme_view(self, request, pk):
        """A draft scheme of the chosen funder, its summary from the record when its licence
        allows it; then its form, where staff say for whom, which themes and countries."""
        aid = self.aid_for(request, pk, "funding.add_scheme")
        if aid is None:
            return HttpResponseNotAllowed(["POST"])
        form = MakeSchemeForm(request.POST)
        if not form.is_valid():
            self.message_user(request, _("Choose the scheme's funder."), messages.ERROR)
            return redirect("admin:funding_watchedaid_change", aid.pk)
        summary = plain_text(aid.description)[:SUMMARY_LENGTH] if aid.open_licence else ""
        scheme = Scheme.objects.create(
            funder=form.cleaned_data["funder"],
            title=aid.name[:200],
            slug=unique_slug(aid.name),
            kind=Scheme.Kind.CALL,
            summary=summary or self.origin_note(aid),
            official_url=aid.origin_url,
            source=_("Aides-territoires, record no. %(number)s") % {"number": aid.source_id},
            source_url=aid.url,
        )
        self.taken(aid)
        self.message_user(
            request,
            _("Draft scheme made: say for whom and on which themes, then tick « publié »."),
            messages.SUCCESS,
        )
        return redirect("admin:funding_scheme_change", scheme.pk)

    def update_call_view(self, request, pk):
        """The record's new dates and link onto the call made from it, still to check."""
        aid = self.aid_for(request, pk, "funding.change_call")
        if aid is None:
            return HttpResponseNotAllowed(["POST"])
        if aid.call is None:
            raise PermissionDenied
        call = aid.call
        call.opens_at = paris_day(aid.start_date, time(0, 0)) or call.opens_at
        call.closes_at = paris_day(aid.submission_deadline, time(23, 59)) or call.closes_at
        call.url = aid.origin_url or aid.url or call.url
        call.save()
        self.taken(aid)
        self.message_user(request, _("The call has the new dates: check it."), messages.SUCCESS)
        return redirect("admin:funding_call_change", call.pk)
