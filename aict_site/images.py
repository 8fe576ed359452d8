"""Uploaded images: checked with Pillow before they are stored, served in responsive sizes."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from imagekit import ImageSpec
from imagekit.processors import ResizeToFit
from PIL import Image

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 30_000_000
RESPONSIVE_WIDTHS = (480, 960, 1440)


def validate_image(file):
    """Refuse anything that is not a real, reasonably sized JPEG, PNG or WebP image."""
    if file.size > MAX_BYTES:
        raise ValidationError(
            _("L’image pèse plus de 5 Mo : réduisez-la avant de l’envoyer."), code="too_big"
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("Ce fichier n’est pas une image valide (formats acceptés : JPEG, PNG, WebP)."),
            code="invalid",
        ) from None
    finally:
        file.seek(position)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("Format d’image non accepté (%(format)s) : utilisez JPEG, PNG ou WebP."),
            params={"format": image_format},
            code="format",
        )
    if width * height > MAX_PIXELS:
        raise ValidationError(
            _("L’image est trop grande (%(width)s × %(height)s pixels) : 30 mégapixels au plus."),
            params={"width": width, "height": height},
            code="pixels",
        )


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
