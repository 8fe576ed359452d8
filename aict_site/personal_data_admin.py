"""The personal-data actions of the visitors' records in the admin (contact requests,
registrations): export everything held about the selected people, or erase it after a page
that lists what will be deleted and asks to confirm."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from . import personal_data


class PersonalDataActionsMixin:
    @admin.action(
        description=gettext_lazy("Export all the data of the selected people (JSON)"),
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
        description=gettext_lazy("Erase all the data of the selected people"),
        permissions=["delete"],
    )
    def erase_personal_data(self, request, queryset):
        emails = list(queryset.values_list("email", flat=True))
        if request.POST.get("confirmed") != "yes":
            return TemplateResponse(
                request,
                "admin/erase_personal_data.html",
                {
                    **self.admin_site.each_context(request),
                    "title": _("Erase personal data?"),
                    "opts": self.model._meta,
                    "held": personal_data.what_is_held(emails),
                    "selected": queryset.values_list("pk", flat=True),
                    "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                },
            )
        deleted = personal_data.erase(emails, request.user)
        self.message_user(
            request,
            ngettext("Data erased: %(count)s record.", "Data erased: %(count)s records.", deleted)
            % {"count": deleted},
            messages.SUCCESS,
        )
        return None
