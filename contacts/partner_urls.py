"""The partners' page: a second address of the contacts app, under its own prefix."""

from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [path("", views.PartnerListView.as_view(), name="list")]
