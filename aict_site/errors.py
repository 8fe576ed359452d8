from django.http import HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """Render the 500 page with no context processors, so it never touches the database."""
    template = loader.get_template(template_name)
    return HttpResponseServerError(template.render({"request_path": request.path}))
