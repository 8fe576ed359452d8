"""The API's page for people (/api/), in French: every operation of the OpenAPI description
with its parameters, made from the description itself so that the page cannot drift from the
API."""

from django.views.generic import TemplateView

from .api import api


def operations():
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    for route, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield {
                "method": method.upper(),
                "path": route,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "parameters": [p["name"] for p in operation.get("parameters", [])],
            }


class ApiDocsView(TemplateView):
    template_name = "api/docs.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(operations=list(operations()), **kwargs)
