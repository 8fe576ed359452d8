"""Every CSV the site writes (staff exports and public open data) goes through `csv_safe`."""

# A cell starting with one of these is run as a formula by spreadsheet software
# (OWASP: CSV injection), e.g. =HYPERLINK(…) that leaks data when clicked.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """The value as text a spreadsheet shows as typed: a leading quote disarms a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text
