from django.contrib import admin, messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.text import normalize_newlines
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from aict_site.controls import multi_line
from aict_site.revisions_admin import ContentVersionAdmin

from . import importer
from .models import Authority, Cooperation, DeliberationModel


class CooperationInline(admin.TabularInline):
    model = Cooperation
    extra = 0
    fields = ["partner_name", "country", "themes", "since_year", "is_current", "link", "scheme"]
    autocomplete_fields = ["country", "themes", "scheme"]


@admin.register(Authority)
class AuthorityAdmin(ContentVersionAdmin):
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
    change_list_template = "admin/directory/authority/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(cooperation_total=Count("cooperations"))

    @admin.display(description=_("cooperations"), ordering="cooperation_total")
    def cooperation_count(self, authority):
        return authority.cooperation_total

    def get_urls(self):
        return [
            path(
                "importer/",
                self.admin_site.admin_view(self.import_view),
                name="directory_authority_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Upload, check every row, preview, then write everything or nothing."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {**self.admin_site.each_context(request), "opts": self.model._meta,
                   "title": _("Import authorities and cooperations (CSV)"),
                   "columns": importer.COLUMNS}  # fmt: skip
        signer = signing.Signer(salt="directory.authority-import")
        if request.method == "POST" and "confirm" in request.POST:
            try:
                # Browsers send form fields with CRLF line ends: the text was signed with LF.
                text = signer.unsign(normalize_newlines(request.POST.get("payload", "")))
            except signing.BadSignature:
                raise PermissionDenied from None
            plan = importer.read(text)
            if plan.errors:
                context.update(plan=plan)
                return TemplateResponse(request, "admin/directory/authority/import.html", context)
            try:
                authorities, cooperations = importer.write(plan)
            except ValidationError as error:
                messages.error(
                    request, _("Import cancelled: %(error)s") % {"error": "; ".join(error.messages)}
                )
                return TemplateResponse(request, "admin/directory/authority/import.html", context)
            messages.success(
                request,
                _("Import finished: %(authorities)s, %(cooperations)s.")
                % counted(authorities, cooperations),
            )
            return redirect("admin:directory_authority_changelist")
        if request.method == "POST":
            upload = request.FILES.get("file")
            if upload is None or upload.size > 2 * 1024 * 1024:
                messages.error(request, _("Choose a CSV file of 2 MB at most."))
            else:
                text = importer.decoded(upload.read())
                if text is None:
                    messages.error(
                        request,
                        _(
                            "The file could not be read: save it from Excel as « CSV UTF-8 » or "
                            "« CSV (séparateur : point-virgule) », then send it again."
                        ),
                    )
                else:
                    text = normalize_newlines(text)
                    plan = importer.read(text)
                    # Signed as the admin receives posts: without control characters.
                    context.update(
                        plan=plan,
                        payload=signer.sign(multi_line(text)),
                        counts=counted(plan.authorities, plan.cooperations),
                    )
        return TemplateResponse(request, "admin/directory/authority/import.html", context)


def counted(authorities, cooperations):
    return {
        "authorities": ngettext("%(count)s authority", "%(count)s authorities", authorities)
        % {"count": authorities},
        "cooperations": ngettext("%(count)s cooperation", "%(count)s cooperations", cooperations)
        % {"count": cooperations},
    }


@admin.register(DeliberationModel)
class DeliberationModelAdmin(ContentVersionAdmin):
    """The one model deliberation « Ma collectivité » offers: edited, never added or deleted."""

    list_display = ["title", "updated_at"]
    list_filter = []
    fields = ["title", "body"]

    def has_add_permission(self, request):
        return not DeliberationModel.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
