from django.urls import path

from . import briefs, deliberation

app_name = "briefs"

urlpatterns = [
    path("", briefs.BriefSearchView.as_view(), name="search"),
    path("suggestions.json", briefs.suggest, name="suggest"),
    path("modele-de-deliberation/", deliberation.deliberation_page, name="blank-deliberation"),
    path(
        "modele-de-deliberation.docx",
        deliberation.deliberation_docx,
        name="blank-deliberation-docx",
    ),
    path("<str:code>/", briefs.BriefView.as_view(), name="brief"),
    path("<str:code>/deliberation/", deliberation.deliberation_page, name="deliberation"),
    path("<str:code>/deliberation.docx", deliberation.deliberation_docx, name="deliberation-docx"),
]
