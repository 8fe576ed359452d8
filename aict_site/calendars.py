from django.http import HttpResponse


def ics_response(content, filename):
    """An iCalendar file that calendar clients subscribe to or open."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
