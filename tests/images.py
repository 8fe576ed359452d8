"""Test images, made in memory: whole ones in any format, and a JPEG cut short."""

import io

from PIL import Image


def image_bytes(size=(1600, 900), image_format="PNG", colour=(29, 91, 69)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, image_format)
    return buffer.getvalue()


def truncated_jpeg(size=(800, 600)):
    """A JPEG whose header is whole (its size reads fine) but whose data stops halfway."""
    whole = image_bytes(size, "JPEG")
    return whole[: len(whole) // 2]
