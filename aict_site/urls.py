from django.conf import settings
from django.conf.urls.static import static as media_urls
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from aict_site import api_docs, health, open_data, passwords, sitemaps
from aict_site.api import api

handler400 = "aict_site.errors.bad_request"
handler500 = "aict_site.errors.server_error"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("favicon.ico", health.favicon),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": sitemaps.collect()},
        name="sitemap",
    ),
    path("plan-du-site/", sitemaps.SiteMapPage.as_view(), name="site-map"),
    path(
        f"{settings.ADMIN_URL}password_reset/",
        passwords.PasswordResetView.as_view(extra_context={"site_header": admin.site.site_header}),
        name="admin_password_reset",
    ),
    path(
        f"{settings.ADMIN_URL}password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "reinitialiser/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "reinitialiser/termine/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    path("contact/", include("contacts.urls")),
    path("partenaires/", include("contacts.partner_urls")),
    path("collectivites-engagees/", include("directory.urls")),
    path("ma-collectivite/", include("directory.brief_urls")),
    path("financements/", include("funding.urls")),
    path("donnees/", open_data.DataPage.as_view(), name="open-data"),
    path("donnees/catalogue.jsonld", open_data.catalogue, name="open-data-catalogue"),
    path("donnees/", include("funding.data_urls")),
    path("api/", api_docs.ApiDocsView.as_view(), name="api-docs"),
    path("api/v1/", api.urls),
    path("agenda/", include("events.urls")),
    path("actualites/", include("news.urls")),
    path("ressources/", include("resources.urls")),
    path("alertes/", include("alerts.urls")),
    # Last: editorial pages answer at /<slug>/.
    path("", include("pages.urls")),
]

if settings.DEBUG:
    urlpatterns += media_urls(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
