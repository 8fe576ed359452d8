from django.urls import path

from . import feeds, views

app_name = "funding"

urlpatterns = [
    path("", views.SchemeListView.as_view(), name="scheme-list"),
    path("calendrier/", views.DeadlineCalendarView.as_view(), name="calendar"),
    path("calendrier.ics", views.deadlines_ics, name="calendar-ics"),
    path("flux/", feeds.CallsFeed(), name="feed"),
    path("appels/<uuid:uid>.ics", views.call_ics, name="call-ics"),
    path("<slug:slug>/", views.SchemeDetailView.as_view(), name="scheme-detail"),
]
