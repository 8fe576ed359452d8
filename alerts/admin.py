from collections import Counter

from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from aict_site import alerting
from aict_site.csvfiles import csv_response
from aict_site.personal_data_admin import PersonalDataActionsMixin

from .digests import SOURCE_TITLES, digest_items
from .forms import CriteriaForm
from .models import Delivery, Subscriber, Unsubscription


class Confirmed(admin.SimpleListFilter):
    title = _("confirmed")
    parameter_name = "confirme"

    def lookups(self, request, model_admin):
        return [("oui", _("yes")), ("non", _("no"))]

    def queryset(self, request, queryset):
        if self.value() == "oui":
            return queryset.exclude(confirmed_at=None)
        if self.value() == "non":
            return queryset.filter(confirmed_at=None)
        return queryset


def criteria_counts(subscribers):
    """How many confirmed subscribers follow each source, and each value of each facet, in
    the words of the subscription form."""
    counts = Counter()
    for criteria in subscribers.exclude(confirmed_at=None).values_list("criteria", flat=True):
        for source, facets in criteria.items():
            counts[(source, "", "")] += 1
            for facet, values in facets.items():
                for value in values:
                    counts[(source, facet, value)] += 1
    form = CriteriaForm()
    fields = {facet: form.fields[name] for name, facet in CriteriaForm.FACETS.items()}
    rows = []
    for (source, facet, value), count in sorted(counts.items()):
        field = fields.get((source, facet))
        rows.append(
            (
                SOURCE_TITLES.get(source, source),
                field.label if field else facet,
                dict(field.choices).get(value, value) if field else value,
                count,
            )
        )
    return rows


@admin.register(Subscriber)
class SubscriberAdmin(PersonalDataActionsMixin, admin.ModelAdmin):
    list_display = ["email", "frequency", "follows", "confirmed_at", "last_digest_at", "is_active"]
    list_filter = [Confirmed, "frequency", "is_active"]
    search_fields = ["email"]
    readonly_fields = ["email", "criteria", "created_at", "confirmed_at", "consented_at",
                       "consent_text", "consent_version", "last_digest_at",
                       "next_digest"]  # fmt: skip
    fields = ["frequency", "is_active", *readonly_fields]
    actions = ["deactivate", "export_csv", "export_personal_data", "erase_personal_data"]
    change_list_template = "admin/alerts/subscriber/change_list.html"

    def has_add_permission(self, request):
        return False

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "criteria_counts": criteria_counts(Subscriber.objects.all()),
            "unsubscribed": Unsubscription.objects.count(),
        }
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("follows"))
    def follows(self, subscriber):
        return ", ".join(str(SOURCE_TITLES.get(key, key)) for key in sorted(subscriber.criteria))

    @admin.display(description=_("preview of the next digest"))
    def next_digest(self, subscriber):
        """What the next digest would hold today (nothing is sent from here)."""
        if subscriber.confirmed_at is None:
            return _("Not confirmed: nothing is sent.")
        items = [
            item
            for source in alerting.sources().values()
            for item in source.new_items(subscriber.confirmed_at)
        ]
        sent = set(
            Delivery.objects.filter(subscriber=subscriber, sent_at__isnull=False).values_list(
                "source", "item_id"
            )
        )
        chosen = digest_items(subscriber, items, sent)
        if not chosen:
            return _("Nothing new matches these criteria for now.")
        return format_html_join("", "<p>{} — {}</p>", ((i.title, i.detail) for i in chosen))

    @admin.action(description=_("Stop sending to these addresses"), permissions=["change"])
    def deactivate(self, request, queryset):
        count = queryset.update(is_active=False)
        self.message_user(
            request,
            ngettext("%(count)s address deactivated.", "%(count)s addresses deactivated.", count)
            % {"count": count},
        )

    @admin.action(description=_("Export as CSV (Excel)"), permissions=["view"])
    def export_csv(self, request, queryset):
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        return csv_response(
            f"abonnes-alertes-{stamp}.csv",
            [
                _("email address"),
                _("frequency"),
                _("criteria"),
                _("confirmed on"),
                _("last digest"),
            ],
            (
                [s.email, s.get_frequency_display(), s.criteria, s.confirmed_at, s.last_digest_at]
                for s in queryset
            ),
            for_excel=True,
        )
