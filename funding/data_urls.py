"""The schemes and calls as open data, under /donnees/ (funding.open_data)."""

from django.urls import path

from . import open_data

app_name = "funding-data"

urlpatterns = [
    path("dispositifs.csv", open_data.schemes_csv, name="schemes-csv"),
    path("dispositifs.json", open_data.schemes_json, name="schemes-json"),
]
