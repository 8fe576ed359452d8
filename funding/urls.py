from django.urls import path

from . import application_views, feeds, views

app_name = "funding"

urlpatterns = [
    path("", views.SchemeListView.as_view(), name="scheme-list"),
    path("calendrier/", views.DeadlineCalendarView.as_view(), name="calendar"),
    path("calendrier.ics", views.deadlines_ics, name="calendar-ics"),
    path("flux/", feeds.CallsFeed(), name="feed"),
    path("appels/<uuid:uid>.ics", views.call_ics, name="call-ics"),
    path("<slug:slug>/", views.SchemeDetailView.as_view(), name="scheme-detail"),
    path("<slug:slug>/preparer/", application_views.PrepareView.as_view(), name="prepare"),
    path("<slug:slug>/preparer.ics", application_views.prepare_ics, name="prepare-ics"),
]
