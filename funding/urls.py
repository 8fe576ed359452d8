from django.urls import path

from . import feeds, views

app_name = "funding"

urlpatterns = [
    path("financements/", views.SchemeListView.as_view(), name="scheme-list"),
    path("financements/calendrier/", views.DeadlineCalendarView.as_view(), name="calendar"),
    path("financements/calendrier.ics", views.deadlines_ics, name="calendar-ics"),
    path("financements/flux/", feeds.CallsFeed(), name="feed"),
    path("financements/appels/<uuid:uid>.ics", views.call_ics, name="call-ics"),
    path("financements/<slug:slug>/", views.SchemeDetailView.as_view(), name="scheme-detail"),
]
