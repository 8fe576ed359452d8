"""A title and paragraphs as a word-processor file (.docx) that Word and LibreOffice both
open, written with python-docx."""

import io

from docx import Document
from docx.shared import Pt

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


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
