from django.contrib import admin
from reversion.admin import VersionAdmin

from aict_site.ordering import OrderedAdminMixin

from .models import AuthorityType, Country, Departement, Theme


@admin.register(Departement)
class DepartementAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]
    list_filter = ["offices"]


@admin.register(AuthorityType)
class AuthorityTypeAdmin(OrderedAdminMixin, VersionAdmin):
    list_display = ["position", "name"]
    search_fields = ["name"]
    list_filter = []


@admin.register(Theme)
class ThemeAdmin(OrderedAdminMixin, VersionAdmin):
    list_display = ["position", "name", "slug"]
    search_fields = ["name"]
    list_filter = []
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    list_filter = []
