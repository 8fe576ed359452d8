from django.contrib import admin

from aict_site.ordering import OrderedAdminMixin
from aict_site.revisions_admin import ContentVersionAdmin

from .models import AuthorityType, Country, CountryGroup, Departement, Territory, Theme


@admin.register(Departement)
class DepartementAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]
    list_filter = ["offices"]


@admin.register(AuthorityType)
class AuthorityTypeAdmin(OrderedAdminMixin, ContentVersionAdmin):
    list_display = ["position", "name", "level"]
    search_fields = ["name"]
    list_filter = []


@admin.register(Theme)
class ThemeAdmin(OrderedAdminMixin, ContentVersionAdmin):
    list_display = ["position", "name", "slug"]
    search_fields = ["name"]
    list_filter = []
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    list_filter = []


@admin.register(CountryGroup)
class CountryGroupAdmin(ContentVersionAdmin):
    list_display = ["name", "source"]
    search_fields = ["name"]
    list_filter = []
    filter_horizontal = ["countries"]


@admin.register(Territory)
class TerritoryAdmin(admin.ModelAdmin):
    """The official data, to look up: `manage.py load_territories` is its only writer."""

    list_display = ["name", "code", "level", "departement", "population", "is_current"]
    list_filter = ["level", "departement", "is_current"]
    list_select_related = ["departement"]
    search_fields = ["name", "code", "siren", "postcodes"]
    readonly_fields = [field.name for field in Territory._meta.fields if field.editable]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
