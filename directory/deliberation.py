"""The model council deliberation of a brief, as a word-processor file (.docx, opened by Word
and LibreOffice alike) written with python-docx, and as a page to print."""

import io

from django.core.cache import caches
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt

from reference.models import Territory

from .models import DeliberationModel

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def current_territory(code):
    territory = (
        Territory.objects.filter(code=code, is_current=True)
        .select_related("departement", "epci")
        .first()
    )
    if territory is None:
        raise Http404
    return territory


def filled_in(territory):
    """The model's title and paragraphs, for `territory` (None: brackets left to fill)."""
    model = DeliberationModel.current()
    if territory is None:
        return model.title, model.filled_in("[COLLECTIVITÉ]", "[TYPE]")
    return model.title, model.filled_in(territory.name, territory.get_level_display())


def as_docx(title, paragraphs):
    document = Document()
    document.core_properties.title = title
    document.core_properties.author = "Lianes coopération"
    document.styles["Normal"].font.size = Pt(11)
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    content = io.BytesIO()
    document.save(content)
    return content.getvalue()


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
        "title": title,
        "paragraphs": paragraphs,
        "breadcrumbs": breadcrumbs,
    }
    return render(request, "directory/deliberation.html", context)


def approximate_size():
    """The file's size for a typical name, in kB, as the link says it (RGAA asks for a
    download's format and size): read once per edit of the model."""
    model = DeliberationModel.current()
    key = f"deliberation-size:{model.pk}:{model.updated_at.timestamp()}"
    size = caches["fragments"].get(key)
    if size is None:
        paragraphs = model.filled_in("Saint-Omer-en-Chaussée", _("commune"))
        size = round(len(as_docx(model.title, paragraphs)) / 1000)
        caches["fragments"].set(key, size, None)
    return size
