"""Documents made in memory, as the tools that write them do, and resources built from them."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from resources.models import Resource


def pdf_bytes(padding=0):
    """A small whole PDF (one empty page), `padding` bytes of comment making it heavier."""
    body = (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    )
    body += b"%" + b"x" * padding + b"\n" if padding else b""
    return body + b"trailer<</Root 1 0 R>>\n%%EOF\n"


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            # An OpenDocument's « mimetype » comes first and uncompressed, as the format says.
            compression = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=compression)
    return buffer.getvalue()


def odt_bytes():
    return zip_bytes(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": "<office:document-content/>",
            "META-INF/manifest.xml": "<manifest:manifest/>",
        }
    )


def docx_bytes():
    from docx import Document

    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("Modèle de convention de coopération.")
    document.save(buffer)
    return buffer.getvalue()


def docm_bytes():
    """A Word file with macros: a .docx by its parts, macro-enabled by its content types."""
    return zip_bytes(
        {
            "[Content_Types].xml": '<Types><Override ContentType="application/'
            'vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
            "word/document.xml": "<w:document/>",
            "word/vbaProject.bin": "macro",
        }
    )


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def make_resource(title="Règlement de l’appel FICOL", **fields):
    from django.utils.text import slugify

    fields.setdefault("slug", slugify(title))
    fields.setdefault("description", "Le règlement officiel de l’appel, à lire avant de déposer.")
    fields.setdefault("is_published", True)
    if "file" not in fields and "url" not in fields:
        fields["file"] = upload("reglement.pdf", pdf_bytes())
    return Resource.objects.create(title=title, **fields)
