from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.UpcomingView.as_view(), name="upcoming"),
    path("archives/", views.ArchiveView.as_view(), name="archive"),
    path("calendrier.ics", views.upcoming_ics, name="calendar-ics"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("<slug:slug>/agenda.ics", views.event_ics, name="event-ics"),
    path("<slug:slug>/inscription-recue/", views.ReceivedView.as_view(), name="received"),
    path(
        "<slug:slug>/inscription/<str:ticket>/",
        views.RegisteredView.as_view(),
        name="registered",
    ),
    path(
        "<slug:slug>/inscription/<str:ticket>/annuler/",
        views.CancelView.as_view(),
        name="cancel",
    ),
]
