from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Lianes coopération — administration du site")
admin.site.site_title = _("Administration Lianes coopération")
admin.site.index_title = _("Que voulez-vous modifier ?")
