from urllib.parse import quote, urlencode

from django.contrib import admin
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from aict_site.admin_filters import NotifiedFilter
from aict_site.csvfiles import csv_response, record_cells
from aict_site.ordering import OrderedAdminMixin
from aict_site.personal_data_admin import PersonalDataActionsMixin
from aict_site.revisions_admin import ContentVersionAdmin

from .models import (
    ContactRequest,
    ContactSubject,
    Office,
    Partner,
    Person,
)


@admin.register(Person)
class PersonAdmin(OrderedAdminMixin, ContentVersionAdmin):
    list_display = ["position", "name", "role", "email", "phone", "is_main_contact", "is_published"]
    list_filter = ["is_published", "is_main_contact"]
    search_fields = ["name", "role", "email"]


@admin.register(Office)
class OfficeAdmin(OrderedAdminMixin, ContentVersionAdmin):
    list_display = ["position", "name", "city", "notify_email", "served", "is_published"]
    list_filter = ["is_published", "departements"]
    search_fields = ["name", "city", "address_lines"]
    filter_horizontal = ["departements"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("departements")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm("contacts.change_office_routing"):
            fields.append("notify_email")  # where the requests go: administrators only
        return fields

    @admin.display(description=_("départements served"))
    def served(self, office):
        return ", ".join(d.code for d in office.departements.all()) or "—"


@admin.register(Partner)
class PartnerAdmin(OrderedAdminMixin, ContentVersionAdmin):
    list_display = ["position", "name", "kind", "url", "has_logo", "is_published", "needs_review"]
    list_filter = ["kind", "is_published", "needs_review"]
    search_fields = ["name", "former_name", "review_note"]

    @admin.display(description=_("logo"), boolean=True)
    def has_logo(self, partner):
        return bool(partner.logo)


@admin.register(ContactSubject)
class ContactSubjectAdmin(OrderedAdminMixin, ContentVersionAdmin):
    list_display = ["position", "name", "is_published"]
    list_editable = ["is_published"]
    search_fields = ["name"]
    list_filter = ["is_published"]


CSV_COLUMNS = [
    ("created_at", _("received on")),
    ("name", _("name")),
    ("email", _("email address")),
    ("organisation", _("organisation")),
    ("authority_type", _("authority type")),
    ("departement", _("département")),
    ("subject", _("subject")),
    ("message", _("message")),
    ("status", _("status")),
    ("office", _("office")),
]


@admin.register(ContactRequest)
class ContactRequestAdmin(PersonalDataActionsMixin, admin.ModelAdmin):
    # Narrow enough for 1280 px with the filters: status, follower and « équipe prévenue » in
    # sight without scrolling (the office is a filter).
    list_display = ["received", "who", "subject", "status", "assignee", "notified"]
    list_display_links = ["received", "who"]
    list_filter = ["status", "subject", NotifiedFilter, "office", "created_at"]
    list_select_related = ["subject", "office", "assignee"]
    search_fields = ["name", "email", "organisation", "message"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "name", "email_link", "organisation", "authority_type", "departement", "subject", "message",
        "created_at", "office", "notified_at", "notification_attempts", "notification_error",
        "reply",
    ]  # fmt: skip
    fieldsets = [
        (
            _("What the person wrote"),
            {
                "fields": [
                    "reply",
                    "created_at",
                    "name",
                    "email_link",
                    "organisation",
                    "authority_type",
                    "departement",
                    "subject",
                    "message",
                ]
            },
        ),
        (_("Follow-up"), {"fields": ["status", "assignee", "internal_notes"]}),
        (
            _("Team notification"),
            {"fields": ["office", "notified_at", "notification_attempts", "notification_error"]},
        ),
    ]
    actions = [
        "mark_in_progress", "mark_handled", "export_csv", "export_personal_data",
        "erase_personal_data",
    ]  # fmt: skip

    def has_add_permission(self, request):
        return False

    def changelist_view(self, request, extra_context=None):
        # The inbox needs the width the navigation sidebar takes.
        extra_context = {"is_nav_sidebar_enabled": False, **(extra_context or {})}
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("received on"), ordering="created_at")
    def received(self, contact_request):
        return date_format(timezone.localtime(contact_request.created_at), "SHORT_DATETIME_FORMAT")

    @admin.display(description=_("sender"), ordering="name")
    def who(self, contact_request):
        return format_html(
            "{}<br><small>{}</small>", contact_request.name, contact_request.organisation
        )

    @admin.display(description=_("answer"))
    def reply(self, contact_request):
        """A mail to the person in the staff member's own mail program, its subject and the
        request quoted, ready to answer."""
        subject = _("Re: %(subject)s — Lianes coopération") % {
            "subject": contact_request.subject or _("your message")
        }
        quoted = "\n".join(f"> {line}" for line in contact_request.message.splitlines())
        body = _("Hello %(name)s,\n\n\n\nYou wrote on %(date)s:\n%(quoted)s") % {
            "name": contact_request.name,
            "date": date_format(timezone.localtime(contact_request.created_at), "DATE_FORMAT"),
            "quoted": quoted,
        }
        link = f"mailto:{quote(contact_request.email, safe='@')}?" + urlencode(
            {"subject": subject, "body": body}, quote_via=quote
        )
        return format_html('<a class="button" href="{}">{}</a>', link, _("Reply by email"))

    @admin.display(description=_("team notified"), boolean=True, ordering="notified_at")
    def notified(self, contact_request):
        return contact_request.notified_at is not None

    def set_status(self, request, queryset, status):
        """Change the status of the selected requests, each change in its request's history
        (« Historique ») as when saved one by one."""
        changed = list(queryset.exclude(status=status))
        label = str(ContactRequest._meta.get_field("status").verbose_name)
        for contact_request in changed:
            contact_request.status = status
            contact_request.save(update_fields=["status"])
            self.log_change(request, contact_request, [{"changed": {"fields": [label]}}])
        return len(changed)

    @admin.action(description=_("Mark “in progress”"), permissions=["change"])
    def mark_in_progress(self, request, queryset):
        count = self.set_status(request, queryset, ContactRequest.Status.IN_PROGRESS)
        message = ngettext(
            "%(count)s request in progress.", "%(count)s requests in progress.", count
        )
        self.message_user(request, message % {"count": count})

    @admin.action(description=_("Mark “handled”"), permissions=["change"])
    def mark_handled(self, request, queryset):
        count = self.set_status(request, queryset, ContactRequest.Status.HANDLED)
        message = ngettext("%(count)s request handled.", "%(count)s requests handled.", count)
        self.message_user(request, message % {"count": count})

    @admin.display(description=_("email"))
    def email_link(self, contact_request):
        return format_html(
            '<a href="mailto:{}">{}</a>',
            quote(contact_request.email, safe="@"),
            contact_request.email,
        )

    @admin.action(description=_("Export as CSV (Excel)"), permissions=["view"])
    def export_csv(self, request, queryset):
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        requests = queryset.select_related("authority_type", "departement", "subject", "office")
        return csv_response(
            f"demandes-{stamp}.csv",
            [label for _field, label in CSV_COLUMNS],
            (record_cells(item, CSV_COLUMNS) for item in requests),
            for_excel=True,
        )
