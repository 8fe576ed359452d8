from django.contrib import admin, messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.text import normalize_newlines
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from aict_site import personal_data
from aict_site.csvfiles import csv_response, record_cells

from . import importer
from .models import (
    Authority,
    ContactRequest,
    ContactSubject,
    Cooperation,
    Office,
    Partner,
    Person,
)


@admin.register(Person)
class PersonAdmin(VersionAdmin):
    list_display = ["name", "role", "email", "phone", "is_main_contact", "is_published", "position"]
    list_editable = ["position"]
    list_filter = ["is_published", "is_main_contact"]
    search_fields = ["name", "role", "email"]


@admin.register(Office)
class OfficeAdmin(VersionAdmin):
    list_display = ["name", "city", "notify_email", "served", "is_published", "position"]
    list_editable = ["position"]
    list_filter = ["is_published", "departements"]
    search_fields = ["name", "city", "address_lines"]
    filter_horizontal = ["departements"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("departements")

    @admin.display(description=_("départements servis"))
    def served(self, office):
        return ", ".join(d.code for d in office.departements.all()) or "—"


@admin.register(Partner)
class PartnerAdmin(VersionAdmin):
    list_display = ["name", "url", "has_logo", "is_published", "position"]
    list_editable = ["position"]
    list_filter = ["is_published"]
    search_fields = ["name"]

    @admin.display(description=_("logo"), boolean=True)
    def has_logo(self, partner):
        return bool(partner.logo)


@admin.register(ContactSubject)
class ContactSubjectAdmin(VersionAdmin):
    list_display = ["name", "is_published", "position"]
    list_editable = ["position", "is_published"]
    search_fields = ["name"]
    list_filter = ["is_published"]


class NotifiedFilter(admin.SimpleListFilter):
    title = _("équipe prévenue")
    parameter_name = "notified"

    def lookups(self, request, model_admin):
        return [("yes", _("oui")), ("no", _("non : envoi à reprendre"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(notified_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(notified_at__isnull=True)
        return queryset


CSV_COLUMNS = [
    ("created_at", _("reçue le")),
    ("name", _("nom")),
    ("email", _("adresse électronique")),
    ("organisation", _("organisation")),
    ("authority_type", _("type de collectivité")),
    ("departement", _("département")),
    ("subject", _("objet")),
    ("message", _("message")),
    ("status", _("statut")),
    ("office", _("bureau")),
]


@admin.register(ContactRequest)
class ContactRequestAdmin(admin.ModelAdmin):
    list_display = [
        "created_at", "name", "organisation", "subject", "office", "status", "assignee", "notified",
    ]  # fmt: skip
    list_filter = ["status", "subject", NotifiedFilter, "office", "created_at"]
    list_select_related = ["subject", "office", "assignee"]
    search_fields = ["name", "email", "organisation", "message"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "name", "email", "organisation", "authority_type", "departement", "subject", "message",
        "created_at", "office", "notified_at", "notification_attempts", "notification_error",
    ]  # fmt: skip
    fieldsets = [
        (
            _("Ce que la personne a écrit"),
            {
                "fields": [
                    "created_at",
                    "name",
                    "email",
                    "organisation",
                    "authority_type",
                    "departement",
                    "subject",
                    "message",
                ]
            },
        ),
        (_("Suivi"), {"fields": ["status", "assignee", "internal_notes"]}),
        (
            _("Notification de l’équipe"),
            {"fields": ["office", "notified_at", "notification_attempts", "notification_error"]},
        ),
    ]
    actions = [
        "mark_in_progress", "mark_handled", "export_csv", "export_personal_data",
        "erase_personal_data",
    ]  # fmt: skip

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("équipe prévenue"), boolean=True, ordering="notified_at")
    def notified(self, contact_request):
        return contact_request.notified_at is not None

    @admin.action(description=_("Marquer « en cours »"), permissions=["change"])
    def mark_in_progress(self, request, queryset):
        updated = queryset.update(status=ContactRequest.Status.IN_PROGRESS)
        self.message_user(request, _("%(count)s demande(s) en cours.") % {"count": updated})

    @admin.action(description=_("Marquer « traitée »"), permissions=["change"])
    def mark_handled(self, request, queryset):
        updated = queryset.update(status=ContactRequest.Status.HANDLED)
        self.message_user(request, _("%(count)s demande(s) traitée(s).") % {"count": updated})

    @admin.action(description=_("Exporter en CSV (Excel)"), permissions=["view"])
    def export_csv(self, request, queryset):
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        requests = queryset.select_related("authority_type", "departement", "subject", "office")
        return csv_response(
            f"demandes-{stamp}.csv",
            [label for _field, label in CSV_COLUMNS],
            (record_cells(item, CSV_COLUMNS) for item in requests),
            for_excel=True,
        )

    @admin.action(
        description=_("Exporter toutes les données des personnes sélectionnées (JSON)"),
        permissions=["view"],
    )
    def export_personal_data(self, request, queryset):
        emails = queryset.values_list("email", flat=True)
        response = HttpResponse(
            personal_data.export(emails, request.user), content_type="application/json"
        )
        response["Content-Disposition"] = 'attachment; filename="donnees-personnelles.json"'
        return response

    @admin.action(
        description=_("Effacer toutes les données des personnes sélectionnées"),
        permissions=["delete"],
    )
    def erase_personal_data(self, request, queryset):
        emails = list(queryset.values_list("email", flat=True))
        deleted = personal_data.erase(emails, request.user)
        self.message_user(
            request,
            _("Données effacées : %(count)s enregistrement(s).") % {"count": deleted},
            messages.SUCCESS,
        )


class CooperationInline(admin.TabularInline):
    model = Cooperation
    extra = 0
    fields = ["partner_name", "country", "themes", "since_year", "is_current", "link", "scheme"]
    autocomplete_fields = ["country", "themes", "scheme"]


@admin.register(Authority)
class AuthorityAdmin(VersionAdmin):
    list_display = [
        "name",
        "kind",
        "departement",
        "is_partner",
        "is_published",
        "cooperation_count",
    ]
    list_filter = ["kind", "departement", "is_partner", "is_published", "cooperations__country"]
    list_select_related = ["kind", "departement"]
    search_fields = ["name", "description", "cooperations__partner_name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CooperationInline]
    change_list_template = "admin/contacts/authority/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(cooperation_total=Count("cooperations"))

    @admin.display(description=_("coopérations"), ordering="cooperation_total")
    def cooperation_count(self, authority):
        return authority.cooperation_total

    def get_urls(self):
        return [
            path(
                "importer/",
                self.admin_site.admin_view(self.import_view),
                name="contacts_authority_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Upload, check every row, preview, then write everything or nothing."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {**self.admin_site.each_context(request), "opts": self.model._meta,
                   "title": _("Importer des collectivités et coopérations (CSV)"),
                   "columns": importer.COLUMNS}  # fmt: skip
        signer = signing.Signer(salt="contacts.authority-import")
        if request.method == "POST" and "confirm" in request.POST:
            try:
                # Browsers send form fields with CRLF line ends: the text was signed with LF.
                text = signer.unsign(normalize_newlines(request.POST.get("payload", "")))
            except signing.BadSignature:
                raise PermissionDenied from None
            plan = importer.read(text)
            if plan.errors:
                context.update(plan=plan)
                return TemplateResponse(request, "admin/contacts/authority/import.html", context)
            try:
                authorities, cooperations = importer.write(plan)
            except ValidationError as error:
                messages.error(
                    request, _("Import annulé : %(error)s") % {"error": "; ".join(error.messages)}
                )
                return TemplateResponse(request, "admin/contacts/authority/import.html", context)
            messages.success(
                request,
                _("Import terminé : %(a)s collectivité(s), %(c)s coopération(s).")
                % {"a": authorities, "c": cooperations},
            )
            return redirect("admin:contacts_authority_changelist")
        if request.method == "POST":
            upload = request.FILES.get("file")
            if upload is None or upload.size > 2 * 1024 * 1024:
                messages.error(request, _("Choisissez un fichier CSV de 2 Mo au plus."))
            else:
                try:
                    text = normalize_newlines(upload.read().decode("utf-8-sig"))
                except UnicodeDecodeError:
                    messages.error(request, _("Le fichier doit être enregistré en UTF-8."))
                else:
                    plan = importer.read(text)
                    context.update(plan=plan, payload=signer.sign(text))
        return TemplateResponse(request, "admin/contacts/authority/import.html", context)
