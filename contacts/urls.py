from django.urls import path

from . import directory, views

app_name = "contacts"

urlpatterns = [
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("contact/merci/", views.ThanksView.as_view(), name="thanks"),
    path("partenaires/", views.PartnerListView.as_view(), name="partner-list"),
    path("collectivites-engagees/", directory.AuthorityListView.as_view(), name="authority-list"),
    path("collectivites-engagees/export.csv", directory.export_csv, name="authority-csv"),
    path("collectivites-engagees/export.json", directory.export_json, name="authority-json"),
    path(
        "collectivites-engagees/pays/<str:code>/",
        directory.CountryView.as_view(),
        name="authority-country",
    ),
    path(
        "collectivites-engagees/<slug:slug>/",
        directory.AuthorityDetailView.as_view(),
        name="authority-detail",
    ),
]
