from django.contrib import admin
from reversion.admin import VersionAdmin

from .models import Office, Partner, Person


@admin.register(Person)
class PersonAdmin(VersionAdmin):
    list_display = ["name", "role", "email", "phone", "is_main_contact", "is_published", "position"]
    list_editable = ["position"]
    list_filter = ["is_published", "is_main_contact"]
    search_fields = ["name", "role", "email"]


@admin.register(Office)
class OfficeAdmin(VersionAdmin):
    list_display = ["name", "city", "is_published", "position"]
    list_editable = ["position"]
    list_filter = ["is_published", "city"]
    search_fields = ["name", "city", "address_lines"]


@admin.register(Partner)
class PartnerAdmin(VersionAdmin):
    list_display = ["name", "url", "is_published", "position"]
    list_editable = ["position"]
    list_filter = ["is_published"]
    search_fields = ["name"]
