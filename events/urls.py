from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("agenda/", views.UpcomingView.as_view(), name="upcoming"),
    path("agenda/archives/", views.ArchiveView.as_view(), name="archive"),
    path("agenda/calendrier.ics", views.upcoming_ics, name="calendar-ics"),
    path("agenda/<slug:slug>/", views.EventDetailView.as_view(), name="event-detail"),
    path("agenda/<slug:slug>/agenda.ics", views.event_ics, name="event-ics"),
    path(
        "agenda/<slug:slug>/inscription/<str:ticket>/",
        views.RegisteredView.as_view(),
        name="registered",
    ),
]
