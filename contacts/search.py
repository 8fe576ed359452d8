from django.urls import reverse
from django.utils.translation import gettext as _

from aict_site.search import Source

from .models import Office, Person


class OfficeSource(Source):
    """« Amiens » finds the office there, and its address on the contact page."""

    columns = ("name",)
    record_fields = ("name", "address_lines", "postal_code", "city", "opening_hours")

    def queryset(self):
        return Office.objects.published()

    def kind(self, row):
        return _("Office of the network")

    def title(self, row):
        return row["name"]

    def url(self, office):
        return reverse("contacts:contact") + f"#bureau-{office['pk']}"

    def text(self, office):
        address = " ".join(office["address_lines"].split())
        hours = office["opening_hours"]
        return f"{address}, {office['postal_code']} {office['city']}" + (
            f". {hours}" if hours else ""
        )


class PersonSource(Source):
    """« Nizar » finds the person to call."""

    columns = ("name", "role")
    record_fields = ("role", "phone", "email")

    def queryset(self):
        return Person.objects.published()

    def kind(self, row):
        return _("Person to contact")

    def title(self, row):
        return row["name"]

    def url(self, person):
        return reverse("contacts:contact")

    def text(self, person):
        return " – ".join(
            value for value in (person["role"], person["phone"], person["email"]) if value
        )
