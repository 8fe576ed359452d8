"""Uploaded documents: recognised by their content, never by their name.

A resource's file may be a PDF, an OpenDocument file or an Office Open XML file (what Word,
Excel, PowerPoint and LibreOffice save today). Legacy Office files and macro-enabled ones
are refused: they are where documents carry macros. The checks read a few bytes and, for the
zip-based formats, the container's table of contents and one small member, so a 20 MB file
costs no more than a small one.
"""

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 20 * 1024 * 1024
# The end of a PDF is its cross-reference table and « %%EOF »: a truncated upload lacks it.
PDF_TAIL = 2048
SMALL_MEMBER = 64 * 1024


@dataclass(frozen=True)
class Format:
    code: str
    label: str
    mime_type: str
    extension: str


_ODF = "application/vnd.oasis.opendocument."
_OOXML = "application/vnd.openxmlformats-officedocument."
FORMATS = {
    f.code: f
    for f in (
        Format("pdf", "PDF", "application/pdf", ".pdf"),
        Format("odt", _("OpenDocument text"), _ODF + "text", ".odt"),
        Format("ods", _("OpenDocument spreadsheet"), _ODF + "spreadsheet", ".ods"),
        Format("odp", _("OpenDocument presentation"), _ODF + "presentation", ".odp"),
        Format("docx", "Word", _OOXML + "wordprocessingml.document", ".docx"),
        Format("xlsx", "Excel", _OOXML + "spreadsheetml.sheet", ".xlsx"),
        Format("pptx", "PowerPoint", _OOXML + "presentationml.presentation", ".pptx"),
    )
}
FORMATS_BY_EXTENSION = {f.extension: f for f in FORMATS.values()}
_BY_ODF_TYPE = {f.mime_type: f.code for f in FORMATS.values() if f.code.startswith("od")}
# Each Office Open XML format has its main part at a fixed name.
_OOXML_MAIN_PARTS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}


def sniff(file):
    """The code of the accepted format `file` holds (a key of FORMATS), or None."""
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        head = file.read(8)
        if head.startswith(b"%PDF-"):
            return "pdf" if _pdf_is_whole(file) else None
        if head.startswith(b"PK\x03\x04"):
            return _zip_format(file)
        return None
    finally:
        file.seek(position)


def _pdf_is_whole(file):
    file.seek(0, 2)
    size = file.tell()
    file.seek(max(0, size - PDF_TAIL))
    return b"%%EOF" in file.read()


def _zip_format(file):
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    declared = member.read(200).decode("ascii", "replace").strip()
                return _BY_ODF_TYPE.get(declared)
            if "[Content_Types].xml" in names:
                with archive.open("[Content_Types].xml") as member:
                    content_types = member.read(SMALL_MEMBER)
                if b"macroEnabled" in content_types:
                    return None
                return next(
                    (code for part, code in _OOXML_MAIN_PARTS.items() if part in names), None
                )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, EOFError):
        return None
    return None


def validate_document(file):
    """Refuse a file over 20 MB, a file whose content is not an accepted format, and one
    whose name says another format than its content (the download's name comes from it)."""
    if file.size > MAX_BYTES:
        raise ValidationError(
            _(
                "The file weighs %(size)s MB, more than the 20 MB accepted: reduce it (export "
                "the PDF in a lighter quality) or publish it elsewhere and give its link."
            ),
            params={"size": f"{file.size / 1024 / 1024:.1f}".replace(".", ",")},
            code="too_big",
        )
    code = sniff(file)
    if code is None:
        raise ValidationError(
            _(
                "This file is not an accepted document: PDF, OpenDocument (.odt, .ods, .odp) or "
                "Office (.docx, .xlsx, .pptx), without macros. Its content is checked, not only "
                "its name."
            ),
            code="format",
        )
    extension = PurePath(getattr(file, "name", "") or "").suffix.lower()
    if extension != FORMATS[code].extension:
        raise ValidationError(
            _(
                "The file name (%(extension)s) does not match its content (%(format)s): rename "
                "it %(expected)s."
            ),
            params={
                "extension": extension or "—",
                "format": FORMATS[code].label,
                "expected": FORMATS[code].extension,
            },
            code="extension",
        )
