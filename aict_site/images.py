"""Uploaded images: decoded in full with Pillow before they are stored, served in responsive
sizes; a stored image that cannot be read is left out of its page, never a 500."""

import logging
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from imagekit import ImageSpec
from imagekit.cachefiles.backends import CacheFileState
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit
from PIL import Image

logger = logging.getLogger(__name__)

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
# The name's ending must say what the content is: a browser or a download trusts the name.
EXTENSIONS = {"JPEG": {".jpg", ".jpeg"}, "PNG": {".png"}, "WEBP": {".webp"}}
# What Pillow raises on a file it cannot decode (a truncated JPEG raises OSError on load).
UNREADABLE = (Image.DecompressionBombError, OSError, SyntaxError, ValueError)
MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 30_000_000
RESPONSIVE_WIDTHS = (480, 960, 1440)


def validate_image(file):
    """Refuse anything that is not a real, whole, reasonably sized JPEG, PNG or WebP image
    whose name says what it is."""
    if file.size > MAX_BYTES:
        raise ValidationError(
            _("The image is larger than 5 MB: reduce it before sending it."), code="too_big"
        )
    image_format, width, height = _decode(file, load=False)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("Image format not accepted (%(format)s): use JPEG, PNG or WebP."),
            params={"format": image_format},
            code="format",
        )
    extension = PurePath(getattr(file, "name", "") or "").suffix.lower()
    if extension not in EXTENSIONS[image_format]:
        raise ValidationError(
            _(
                "The file name (%(extension)s) does not match its content (%(format)s): rename "
                "it or save it in the right format."
            ),
            params={"extension": extension or "—", "format": ALLOWED_FORMATS[image_format]},
            code="extension",
        )
    if width * height > MAX_PIXELS:
        raise ValidationError(
            _("The image is too large (%(width)s × %(height)s pixels): 30 megapixels at most."),
            params={"width": width, "height": height},
            code="pixels",
        )
    # verify() read the structure only; decoding every pixel finds a truncated file.
    _decode(file, load=True)


def _decode(file, load):
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            found = image.format, *image.size
            if load:
                image.load()
            else:
                image.verify()
    except UNREADABLE:
        raise ValidationError(
            _("This file is not a valid image (accepted formats: JPEG, PNG, WebP)."),
            # Not "invalid": a file field's own message for that code would replace this one.
            code="unreadable",
        ) from None
    finally:
        file.seek(position)
    return found


class WebPWidth(ImageSpec):
    """A WebP copy no wider than `width`; never enlarged."""

    format = "WEBP"
    options = {"quality": 80}
    width = 960

    @property
    def processors(self):
        return [ResizeToFit(width=self.width, upscale=False)]


def webp_spec(width):
    return type(f"WebP{width}", (WebPWidth,), {"width": width})


def scaled_height(width, height, target_width):
    """The height of a copy resized to `target_width`, keeping the ratio."""
    if not width or target_width >= width:
        return height
    return round(height * target_width / width)


class AtUpload:
    """imagekit's strategy here: an image's copies are made when it is saved (a 30-megapixel
    upload cost its first visitor 2 to 4 s), and made on first use for an image stored before
    or whose copy went missing, as imagekit's JustInTime does. A copy that cannot be made at
    saving is logged and left to the page, which shows itself without the image."""

    def on_source_saved(self, file):
        try:
            file.generate()
        except UNREADABLE as error:
            logger.error("%s: copy not made at upload (%s)", file.name, type(error).__name__)
            # imagekit would take the failed copy for one being made and never try again:
            # the page then asks for it, fails, and shows itself without the image.
            file.cachefile_backend.set_state(file, CacheFileState.DOES_NOT_EXIST)

    def on_existence_required(self, file):
        file.generate()

    def on_content_required(self, file):
        file.generate()


def readable_url(image_file, label):
    """The URL of a stored image or of a copy made from it, or None (logged) when it cannot
    be read: the page is shown without the image rather than not at all."""
    try:
        return image_file.url
    except UNREADABLE as error:
        logger.error("%s: stored image cannot be read (%s)", label, type(error).__name__)
        return None


def illustration_path(instance, filename):
    """Each app's images in a folder of its own: pages/…, news/…"""
    return f"{instance._meta.app_label}/{filename}"


class Illustrated(models.Model):
    """An optional image with its alternative text (required with it), served as WebP in
    the responsive widths: what a page and a news item share."""

    image = models.ImageField(
        _("image"),
        upload_to=illustration_path,
        blank=True,
        validators=[validate_image],
        width_field="image_width",
        height_field="image_height",
        help_text=_("JPEG, PNG or WebP, 5 MB at most."),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        _("alternative text of the image"),
        max_length=250,
        blank=True,
        help_text=_("Describes the image for those who do not see it. Required with an image."),
    )

    image_480 = ImageSpecField(source="image", spec=webp_spec(480))
    image_960 = ImageSpecField(source="image", spec=webp_spec(960))
    image_1440 = ImageSpecField(source="image", spec=webp_spec(1440))

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the image: the alternative text is required.")}
            )

    def responsive_image(self, display_width=960):
        """The image's sizes for srcset, with the dimensions each copy will have, or None
        when there is none or it cannot be read."""
        if not self.image or not self.image_width:
            return None
        label = f"{self._meta.model_name} {self.pk}"
        width = self.image_width
        sources = [
            (readable_url(getattr(self, f"image_{w}"), label), min(w, width))
            for w in RESPONSIVE_WIDTHS
            if w <= width or w == RESPONSIVE_WIDTHS[0]
        ]
        if any(url is None for url, _width in sources):
            return None
        return {
            "fallback": self.image.url,
            "srcset": ", ".join(f"{url} {w}w" for url, w in sources),
            "width": min(width, display_width),
            "height": scaled_height(width, self.image_height, display_width),
            "alt": self.image_alt,
        }
