"""The model council deliberation of a brief, as a word-processor file (.docx, opened by Word
and LibreOffice alike) written with python-docx, and as a page to print."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from reference import names

from .briefs import current_territory
from .deliberation_text import values_for
from .docx_files import DOCX_TYPE, as_docx
from .models import DeliberationModel


def filled_in(territory):
    """The model's title and paragraphs, for `territory` (None: the blank model, its brackets
    saying what to write)."""
    model = DeliberationModel.current()
    return model.title, model.filled_in(values_for(territory))


def deliberation_docx(request, code=None):
    territory = current_territory(code) if code else None
    title, paragraphs = filled_in(territory)
    response = HttpResponse(as_docx(title, paragraphs), content_type=DOCX_TYPE)
    filename = "modele-de-deliberation.docx"
    if territory is not None:
        filename = f"deliberation-{slugify(territory.name)}-{territory.code}.docx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def deliberation_page(request, code=None):
    """The model to read or print: for one authority, or with its brackets (staff's preview,
    and for any authority that prefers to start from the blank model)."""
    territory = current_territory(code) if code else None
    title, paragraphs = filled_in(territory)
    breadcrumbs = [(_("My authority"), reverse("briefs:search"))]
    if territory is not None:
        url = reverse("briefs:brief", kwargs={"code": territory.code})
        breadcrumbs.append((territory.name, url))
    breadcrumbs.append((_("Model deliberation"), None))
    context = {
        "territory": territory,
        "territory_name": names.of_territory(territory) if territory else "",
        "title": title,
        "paragraphs": paragraphs,
        "breadcrumbs": breadcrumbs,
    }
    return render(request, "directory/deliberation.html", context)
