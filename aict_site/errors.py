"""Error pages that never fail themselves: no context processors, no database, no CSRF."""

from django.http import HttpResponseBadRequest, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


def bad_request(request, exception=None, template_name="400.html"):
    """The 400 page. Unlike Django's, it asks for no CSRF token: reading one would parse the
    very body that could not be read, and turn the 400 into a 500."""
    template = loader.get_template(template_name)
    return HttpResponseBadRequest(template.render({"request_path": request.path}))


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """Render the 500 page with no context processors, so it never touches the database."""
    template = loader.get_template(template_name)
    return HttpResponseServerError(template.render({"request_path": request.path}))
