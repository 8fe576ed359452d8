from pathlib import PurePath

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from aict_site.caching.fragments import cards
from aict_site.publishing import StaffPreviewMixin

from .filters import ResourceFilter
from .models import Resource

PER_PAGE = 20
# The file's address changes with the file (resources.models.stored_name): keep it a year.
FILE_CACHE = "public, max-age=31536000, immutable"


class ResourceListView(ListView):
    template_name = "resources/resource_list.html"
    context_object_name = "resources"
    paginate_by = PER_PAGE

    def get_queryset(self):
        self.finder = ResourceFilter(
            self.request.GET or None, queryset=Resource.objects.published()
        )
        return self.finder.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["resources"] = cards(
            context["resources"],
            "resources/_resource_card.html",
            name="resource",
            extra={"level": 2},
        )
        chosen = self.finder.form.cleaned_data if self.finder.is_bound else {}
        kept = {
            "type": chosen.get("type") or "",
            "theme": chosen["theme"].slug if chosen.get("theme") else "",
        }
        context.update(
            finder=self.finder,
            filtered=any(kept.values()),
            # The pagination keeps the chosen filters.
            query=urlencode({key: value for key, value in kept.items() if value}),
            breadcrumbs=[(_("Resources"), None)],
        )
        return context


class ResourceDetailView(StaffPreviewMixin, DetailView):
    template_name = "resources/resource_detail.html"
    context_object_name = "resource"

    def get_queryset(self):
        return Resource.objects.published().prefetch_related("themes", "schemes", "events")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [
            (_("Resources"), reverse("resources:list")),
            (self.object.title, None),
        ]
        return context


def resource_file(request, slug, key, name):
    """The file, with its real type and a readable name; always downloaded (an attachment),
    so no document is ever shown in the site's own pages."""
    resources = Resource.objects.all() if request.user.is_staff else Resource.objects.published()
    resource = get_object_or_404(resources, slug=slug)
    if not resource.format or PurePath(resource.file.name).stem != key:
        raise Http404
    if name != resource.download_name:
        raise Http404
    try:
        handle = resource.file.open("rb")
    except OSError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=resource.download_name,
        content_type=resource.format.mime_type,
    )
    response["Cache-Control"] = FILE_CACHE if resource.is_published else "private, no-cache"
    return response
