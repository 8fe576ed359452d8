"""Every CSV the site writes (staff exports and public open data) goes through `csv_safe`."""

import csv

from django.http import HttpResponse
from django.utils import timezone

# A cell starting with one of these is run as a formula by spreadsheet software
# (OWASP: CSV injection), e.g. =HYPERLINK(…) that leaks data when clicked.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """The value as text a spreadsheet shows as typed: a leading quote disarms a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_response(filename, header, rows, *, for_excel=False):
    """A CSV download whose every cell went through csv_safe.

    For Excel (staff exports): semicolons and a byte order mark, which French Excel needs to
    split columns and read UTF-8; otherwise (open data) commas, shown in the browser."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    disposition = "attachment" if for_excel else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    if for_excel:
        response.write("\ufeff")
    writer = csv.writer(response, delimiter=";" if for_excel else ",")
    writer.writerow([str(name) for name in header])
    for row in rows:
        writer.writerow([csv_safe(value) for value in row])
    return response


def record_cells(record, columns):
    """The cells of a visitor's record for a staff export: dates as French Excel reads them,
    choices as their labels."""
    cells = []
    for field, _label in columns:
        value = getattr(record, field)
        if field == "created_at":
            value = timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
        elif field == "status":
            value = record.get_status_display()
        cells.append(value)
    return cells
