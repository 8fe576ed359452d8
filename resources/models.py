"""The resource library: guides, model documents, call rules, reports, presentations and
videos, each an uploaded document or a link to where its publisher keeps it."""

import uuid
from pathlib import PurePath

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from aict_site.publishing import Publishable
from aict_site.search import normalize

from .documents import FORMATS_BY_EXTENSION, validate_document

URL_LENGTH = 500


def stored_name(resource, filename):
    """A name nobody can guess or abuse (no path, no script extension): a random key and the
    extension the validated content has. Replacing the file gives a new name, so the file's
    address changes and browsers may keep each version for long."""
    return f"resources/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class Resource(Publishable):
    class Kind(models.TextChoices):
        GUIDE = "guide", _("guide")
        DELIBERATION = "deliberation", _("model deliberation")
        AGREEMENT = "convention", _("model agreement")
        CALL_RULES = "reglement", _("call rules")
        REPORT = "rapport", _("report")
        PRESENTATION = "presentation", _("presentation")
        VIDEO = "video", _("video (link)")

    class Language(models.TextChoices):
        FRENCH = "fr", _("French")
        ENGLISH = "en", _("English")
        SPANISH = "es", _("Spanish")
        GERMAN = "de", _("German")
        PORTUGUESE = "pt", _("Portuguese")
        ARABIC = "ar", _("Arabic")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("address (slug)"),
        max_length=120,
        unique=True,
        help_text=_("Also the name of the downloaded file."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.GUIDE)
    description = models.TextField(
        _("description"), help_text=_("What it holds and whom it is for, in a few sentences.")
    )
    file = models.FileField(
        _("file"),
        upload_to=stored_name,
        blank=True,
        validators=[validate_document],
        help_text=_(
            "PDF, OpenDocument or Office (.docx, .xlsx, .pptx), 20 MB at most. Or give a link "
            "below instead."
        ),
    )
    file_size = models.PositiveIntegerField(null=True, blank=True, editable=False)
    url = models.URLField(
        _("link"),
        max_length=URL_LENGTH,
        blank=True,
        help_text=_("Where its publisher keeps it (a video, an official page), instead of a file."),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language, default=Language.FRENCH
    )
    date = models.DateField(
        _("date of the document"),
        null=True,
        blank=True,
        help_text=_("The date the document gives. Leave empty if it gives none."),
    )
    themes = models.ManyToManyField(
        "reference.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    schemes = models.ManyToManyField(
        "funding.Scheme", verbose_name=_("related funding schemes"), blank=True, related_name="+"
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("related events"), blank=True, related_name="+"
    )
    search_text = models.TextField(editable=False, blank=True)
    # Kept from search_text by a PostgreSQL trigger (aict_site.search.search_index).
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = [F("date").desc(nulls_last=True), "-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="resources_resource_file_or_link",
                violation_error_message=_("Give either a file or a link, not both."),
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.search_text = normalize(f"{self.title} {self.description}")
        # Kept, so that a list does not ask the storage for each file's size.
        self.file_size = self.file.size if self.file else None
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("resources:resource-detail", kwargs={"slug": self.slug})

    def clean(self):
        if bool(self.file) == bool(self.url):
            raise ValidationError(_("Give either a file or a link, not both."))
        if self.kind == self.Kind.VIDEO and self.file:
            raise ValidationError(
                {"url": _("A video is given by its link (on its publisher's site or a platform).")}
            )

    @property
    def format(self):
        """The file's format: its extension, which validation made match its content."""
        if not self.file:
            return None
        return FORMATS_BY_EXTENSION.get(PurePath(self.file.name).suffix.lower())

    @property
    def download_name(self):
        return f"{self.slug}{self.format.extension}" if self.format else ""

    @property
    def download_url(self):
        """The file's address: it holds the stored name, so a replaced file has a new one."""
        if not self.file:
            return self.url
        key = PurePath(self.file.name).stem
        return reverse(
            "resources:resource-file",
            kwargs={"slug": self.slug, "key": key, "name": self.download_name},
        )
