"""The API itself: a django-ninja NinjaAPI under /api/v3/, its OpenAPI document and docs page.

Wagtail 8's own `wagtail.api.v3` is a NinjaAPI too, but built for editors: its pages
router answers by page type with bearer-token auth, write operations and 422 errors.
Residents' apps need a public read API shaped by the calendar and the directory, so this
is a NinjaAPI of the project's own, mounted beside the site (outside the language
prefixes) in config/urls.py. Every error is JSON in the requested language: a bad
parameter is a 400 naming it, never a 422 or a 500.
"""

from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.renderers import JSONRenderer

from api import directory, events
from api.params import BadParameter, language_of
from api.schemas import ErrorAnswer


class Renderer(JSONRenderer):
    """UTF-8 as it is: 英语沙龙, not \\u82f1\\u8bed\\u6c99\\u9f99 (a third of the bytes)."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=Renderer(),
    title="Youlin open data",
    version="3.0.0",
    description=(
        "Read-only data of the community site in Simplified Chinese, English and Korean: "
        "events by date, service guides, partners and public spaces. Choose the language "
        "with `?locale=` (else Accept-Language). Every answer carries an ETag and "
        "Last-Modified and answers 304 to a conditional request; any origin may read it."
    ),
    urls_namespace="youlin_api",
    openapi_url="/openapi.json",
    docs_url="/docs/",
)
api.add_router("/events/", events.router)
api.add_router("/", directory.router)


def error_answer(request, status, detail, errors=()):
    """The error as JSON; the texts are lazy, and are read in the language asked for."""
    with translation.override(answer_language(request)):
        body = ErrorAnswer(
            status=status,
            detail=str(detail),
            errors=[{**error, "message": str(error["message"])} for error in errors],
        )
    return api.create_response(request, body.model_dump(), status=status)


def bad_parameters(request, names):
    errors = [{"parameter": name, "message": message_about(name)} for name in names]
    return error_answer(request, 400, errors[0]["message"], errors)


def message_about(name):
    return lazy(lambda: BadParameter(name).message, str)()


def answer_language(request):
    """?locale= if it is one we have, else Accept-Language (api/params.py)."""
    asked = request.GET.get("locale")
    return language_of(request, asked if asked in dict(settings.LANGUAGES) else None)


@api.exception_handler(BadParameter)
def bad_parameter(request, exc):
    return bad_parameters(request, [exc.parameter])


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc):
    """django-ninja's refusal of a parameter of the wrong type or out of bounds."""
    names = []
    for error in exc.errors:
        location = [part for part in error.get("loc", ()) if isinstance(part, str)]
        name = location[1] if len(location) > 1 else (location[0] if location else "")
        if name and name not in names:
            names.append(name)
    return bad_parameters(request, names or ["query"])


@api.exception_handler(Http404)
def not_found(request, exc):
    return error_answer(
        request, 404, exc.args[0] if exc.args else _("There is nothing at this address.")
    )


def unknown_address(request, rest=""):
    """Any other address under /api/: a JSON 404, not the site's HTML page."""
    response = error_answer(request, 404, _("There is nothing at this address."))
    response["Access-Control-Allow-Origin"] = "*"
    return response
