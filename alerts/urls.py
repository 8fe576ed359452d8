from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("", views.SubscribeView.as_view(), name="subscribe"),
    path("merci/", views.ThanksView.as_view(), name="thanks"),
    path("confirmer/<str:token>/", views.ConfirmView.as_view(), name="confirm"),
    path("gerer/<str:token>/", views.ManageView.as_view(), name="manage"),
    path("desabonnement/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
]
