from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from aict_site.admin_filters import NotifiedFilter
from aict_site.csvfiles import csv_response, record_cells
from aict_site.ordering import OrderedAdminMixin
from aict_site.personal_data_admin import PersonalDataActionsMixin
from aict_site.previews_admin import UnsavedPreviewMixin
from aict_site.revisions_admin import ContentVersionAdmin

from . import registrations
from .models import Event, EventKind, Registration


@admin.register(EventKind)
class EventKindAdmin(OrderedAdminMixin, ContentVersionAdmin):
    list_display = ["position", "name"]
    search_fields = ["name"]
    list_filter = []


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    fields = ["name", "email", "organisation", "authority_type", "status", "created_at"]
    readonly_fields = ["name", "email", "organisation", "authority_type", "created_at"]
    can_delete = True

    def has_add_permission(self, request, obj=None):
        return False


class Timing(admin.SimpleListFilter):
    title = _("date")
    parameter_name = "quand"

    def lookups(self, request, model_admin):
        return [("a-venir", _("upcoming")), ("passe", _("past"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "a-venir":
            return queryset.filter(ends_at__gt=now)
        if self.value() == "passe":
            return queryset.filter(ends_at__lte=now)
        return queryset


REGISTRANT_COLUMNS = [
    ("name", _("name")),
    ("email", _("email address")),
    ("organisation", _("organisation")),
    ("authority_type", _("authority type")),
    ("status", _("status")),
    ("created_at", _("registered on")),
]


@admin.register(Event)
class EventAdmin(UnsavedPreviewMixin, ContentVersionAdmin):
    list_display = ["title", "kind", "starts_at", "is_published", "is_registration_open",
                    "capacity", "confirmed"]  # fmt: skip
    list_filter = [Timing, "kind", "is_published", "is_registration_open"]
    list_select_related = ["kind"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["schemes"]
    date_hierarchy = "starts_at"
    inlines = [RegistrationInline]
    actions = ["close_registration", "export_registrants"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "summary", "description", "audience"]}),
        (
            _("Date and place"),
            {
                "fields": [
                    ("starts_at", "ends_at"),
                    "place",
                    "office",
                    "address",
                    "also_online",
                    "online_url",
                ]
            },
        ),
        (_("Registrations"), {"fields": ["is_registration_open", "capacity"]}),
        (_("Links and publication"), {"fields": ["schemes", "is_published"]}),
    ]

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Registration:
            # Staff moved people off the waiting list by hand: they are told, as by a seat freed.
            registrations.tell_promoted(
                [
                    inline.instance.pk
                    for inline in formset.forms
                    if "status" in inline.changed_data
                    and inline.instance.pk
                    and inline.instance.status == Registration.Status.CONFIRMED
                ]
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A capacity raised or registrations deleted: the seats go to the people waiting.
        registrations.seats_changed(form.instance)

    @admin.display(description=_("confirmed registrants"))
    def confirmed(self, event):
        return event.registrations.filter(status=Registration.Status.CONFIRMED).count()

    @admin.action(description=_("Close registrations"), permissions=["change"])
    def close_registration(self, request, queryset):
        count = queryset.update(is_registration_open=False)
        self.message_user(
            request,
            ngettext(
                "Registrations closed for %(count)s event.",
                "Registrations closed for %(count)s events.",
                count,
            )
            % {"count": count},
        )

    def has_export_registrants_permission(self, request):
        # Visitors' data: for the colleagues who may read the registrations themselves.
        return request.user.has_perm("events.view_registration")

    @admin.action(
        description=_("Export the registrants as CSV (Excel)"), permissions=["export_registrants"]
    )
    def export_registrants(self, request, queryset):
        return registrants_csv("inscrits.csv", Registration.objects.filter(event__in=queryset))


def registrants_csv(filename, registrants):
    """The registrations as a CSV file for Excel, event by event, in the order they came."""
    registrants = registrants.select_related("event", "authority_type").order_by(
        "event__starts_at", "created_at"
    )
    return csv_response(
        filename,
        [_("event"), *(label for _field, label in REGISTRANT_COLUMNS)],
        (
            [registration.event.title, *record_cells(registration, REGISTRANT_COLUMNS)]
            for registration in registrants
        ),
        for_excel=True,
    )


@admin.register(Registration)
class RegistrationAdmin(PersonalDataActionsMixin, admin.ModelAdmin):
    list_display = ["name", "organisation", "event", "status", "created_at", "notified"]
    list_filter = ["status", NotifiedFilter, "event", "created_at"]
    list_select_related = ["event"]
    search_fields = ["name", "email", "organisation"]
    readonly_fields = ["event", "name", "email", "organisation", "authority_type", "created_at",
                       "promoted_at", "notified_at", "notification_attempts", "notification_error",
                       "registrant_mailed_at", "registrant_mail_error"]  # fmt: skip
    actions = [
        "confirm_from_waiting_list", "export_csv", "export_personal_data", "erase_personal_data",
    ]  # fmt: skip

    def has_add_permission(self, request):
        return False

    def delete_model(self, request, registration):
        registrations.cancel(registration)

    def delete_queryset(self, request, queryset):
        for registration in queryset:
            registrations.cancel(registration)

    @admin.display(description=_("team notified"), boolean=True)
    def notified(self, registration):
        return registration.notified_at is not None

    @admin.action(description=_("Export as CSV (Excel)"), permissions=["view"])
    def export_csv(self, request, queryset):
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        return registrants_csv(f"inscriptions-{stamp}.csv", queryset)

    @admin.action(description=_("Confirm (take off the waiting list)"), permissions=["change"])
    def confirm_from_waiting_list(self, request, queryset):
        count = registrations.confirm(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)s registration confirmed.", "%(count)s registrations confirmed.", count
            )
            % {"count": count},
        )
