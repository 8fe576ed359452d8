from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.AuthorityListView.as_view(), name="authority-list"),
    path("export.csv", views.export_csv, name="authority-csv"),
    path("export.json", views.export_json, name="authority-json"),
    path("pays/<str:code>/", views.CountryView.as_view(), name="authority-country"),
    path("<slug:slug>/", views.AuthorityDetailView.as_view(), name="authority-detail"),
]
