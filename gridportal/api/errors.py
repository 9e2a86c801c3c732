"""One JSON shape for every API error.

    {"error": {"status": 400, "code": "invalid", "message": "...", "fields": {"q": ["..."]}}}

`fields` is present only for validation errors. Messages are localized.
"""

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found
from django_ratelimit.exceptions import Ratelimited
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from gridportal.core.exceptions import ApplicationError

from .parsers import PayloadTooLarge


def _flatten(detail):
    if isinstance(detail, dict):
        return {key: _flatten(value) for key, value in detail.items()}
    if isinstance(detail, list):
        flat = []
        for item in detail:
            value = _flatten(item)
            flat.extend(value if isinstance(value, list) else [value])
        return flat
    return str(detail)


def error_body(*, status_code: int, code: str, message: str, fields=None) -> dict:
    body = {"status": status_code, "code": code, "message": message}
    if fields:
        body["fields"] = fields
    return {"error": body}


def exception_handler(exc, context):
    if isinstance(exc, ApplicationError):
        return Response(
            error_body(status_code=exc.status, code=exc.code, message=str(exc.message)),
            status=exc.status,
        )
    if isinstance(exc, Ratelimited):
        exc = exceptions.Throttled()
    if isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        )
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        detail = _flatten(exc.detail)
        fields = detail if isinstance(detail, dict) else {"non_field_errors": detail}
        response.data = error_body(
            status_code=response.status_code,
            code="invalid",
            message=_("The request has errors; see the fields."),
            fields=fields,
        )
    else:
        code = getattr(exc, "default_code", "error")
        detail = getattr(exc, "detail", str(exc))
        response.data = error_body(
            status_code=response.status_code, code=str(code), message=str(detail)
        )
    return response


def not_found(request, exception=None):
    """Django's 404 handler: a URL under /api/ that matches no route answers in the API shape.

    `/api/v1/substations/1.5/` never reaches a view (the route wants a whole number), so DRF's
    handler cannot answer it; pages elsewhere keep Django's (or the site's) 404 page.
    """
    if request.path.startswith("/api/"):
        body = error_body(
            status_code=404, code="not_found", message=str(exceptions.NotFound.default_detail)
        )
        return JsonResponse(body, status=404)
    return page_not_found(request, exception)
