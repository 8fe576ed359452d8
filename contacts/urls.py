from django.urls import path

from . import views

app_name = "contacts"

urlpatterns = [
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("contact/merci/", views.ThanksView.as_view(), name="thanks"),
    path("partenaires/", views.PartnerListView.as_view(), name="partner-list"),
]
