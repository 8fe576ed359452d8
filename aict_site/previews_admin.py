"""« Prévisualiser » on a change form: the public page as it will read with the changes typed
so far, before anything is saved.

The form is processed as a save would be — validation, the record, its inlines — inside a
transaction, the public view renders the record from it, then the transaction is rolled
back: the preview uses the site's own views and templates, so it cannot drift from the page
it previews. An invalid form comes back with its errors, as on « Enregistrer »."""

import copy

from django.db import transaction
from django.http import QueryDict
from django.urls import resolve

PREVIEW = "_preview"


class _RolledBack(Exception):
    def __init__(self, response):
        self.response = response


class UnsavedPreviewMixin:
    """For a ModelAdmin whose records have a public page (get_absolute_url)."""

    @staticmethod
    def wants_preview(request):
        return request.method == "POST" and PREVIEW in request.POST

    # A preview skips the revision the versioned admin opens around add and change views:
    # the revision would be written after the rollback, from the unsaved values.
    def add_view(self, request, form_url="", extra_context=None):
        if self.wants_preview(request):
            return self.changeform_view(request, None, form_url, extra_context)
        return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if self.wants_preview(request):
            return self.changeform_view(request, object_id, form_url, extra_context)
        return super().change_view(request, object_id, form_url, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {"show_preview": True, **(extra_context or {})}
        if not self.wants_preview(request):
            return super().changeform_view(request, object_id, form_url, extra_context)
        request.previewing = True
        try:
            with transaction.atomic():
                response = super().changeform_view(request, object_id, form_url, extra_context)
                record = getattr(request, "previewed_record", None)
                if response.status_code == 302 and record is not None:
                    response = self.public_page(request, record)
                raise _RolledBack(response)
        except _RolledBack as rolled_back:
            return rolled_back.response

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if getattr(request, "previewing", False):
            request.previewed_record = obj

    def message_user(self, request, *args, **kwargs):
        # « … a été modifié avec succès » would be false: nothing is kept.
        if not getattr(request, "previewing", False):
            super().message_user(request, *args, **kwargs)

    def public_page(self, request, record):
        url = record.get_absolute_url().split("#")[0]
        view = resolve(url)
        page_request = copy.copy(request)
        page_request.method = "GET"
        page_request.GET, page_request.POST = QueryDict(), QueryDict()
        page_request.path = page_request.path_info = url
        page_request.unsaved_preview = True
        response = view.func(page_request, *view.args, **view.kwargs)
        if hasattr(response, "render"):
            response.render()  # now, while the unsaved changes are in the database
        return response  # uncached: admin views are never_cache
