"""The read-only JSON API, version 1 (/api/v1/). Each app declares its operations in its own
`api.py` (a django-ninja `router`); the core gathers them here, as it gathers the datasets and
the dashboard. Errors are application/problem+json; every answer may be read from another site
(CORS for GET); ETag, 304 and the page cache come from the site's middleware.

django-ninja makes the OpenAPI 3.1 description (/api/v1/openapi.json) from the typed views,
with one dependency (pydantic), where Django REST framework needs another library for it."""

from importlib import import_module

from django.http import Http404
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, ValidationError

from .project_apps import project_app_configs

PAGE_SIZE = 50


class Problem(Schema):
    type: str
    title: str
    status: int
    detail: str


class ReadOnlyAPI(NinjaAPI):
    def create_response(self, request, data, *args, **kwargs):
        response = super().create_response(request, data, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"  # public data, read from any site
        if response.status_code >= 400:
            response["Content-Type"] = "application/problem+json"
        return response


api = ReadOnlyAPI(
    title=_("API of Lianes coopération"),
    version="1",
    description=_(
        "The schemes that fund the international action of local authorities, their calls, "
        "the engaged authorities of Hauts-de-France, the network's events and the « Ma "
        "collectivité » brief of a territory. Read only, without a key, under the Licence "
        "Ouverte 2.0."
    ),
    urls_namespace="api-v1",
    docs_url=None,
    openapi_url="/openapi.json",
)


def problem(request, status, title, detail):
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    return api.create_response(request, body, status=status)


@api.exception_handler(Http404)
def not_found(request, exc):
    return problem(request, 404, "Not Found", gettext("Nothing at this address."))


@api.exception_handler(ValidationError)
def invalid(request, exc):
    detail = gettext("A parameter is not of the expected form.")
    return problem(request, 400, "Bad Request", detail)


@api.exception_handler(HttpError)
def refused(request, exc):
    return problem(request, exc.status_code, "Bad Request", str(exc))


for config in project_app_configs():
    if module_has_submodule(config.module, "api"):
        api.add_router("", import_module(f"{config.name}.api").router)
