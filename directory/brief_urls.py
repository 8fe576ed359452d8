from django.urls import path

from . import briefs

app_name = "briefs"

urlpatterns = [
    path("", briefs.BriefSearchView.as_view(), name="search"),
    path("suggestions.json", briefs.suggest, name="suggest"),
    path("<str:code>/", briefs.BriefView.as_view(), name="brief"),
]
