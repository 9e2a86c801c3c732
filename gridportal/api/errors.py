"""One JSON shape for every API error.

    {"error": {"status": 400, "code": "invalid", "message": "...", "fields": {"q": ["..."]}}}

`fields` is present only for validation errors. Messages are localized.

Requests refused before any view (control characters, oversized bodies: core/hygiene.py)
get the same shape through `edge_error_response`, which `ApiConfig.edge_errors` names.
"""

from django.conf import settings
from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from django.views.defaults import page_not_found
from django_ratelimit.exceptions import Ratelimited
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from gridportal.core import hygiene
from gridportal.core.degraded import RETRY_AFTER_SECONDS, company_contacts, database_down
from gridportal.core.exceptions import ApplicationError

from .exceptions import PayloadTooLarge, TooManyFields


def _field_messages(detail, prefix: str = "") -> dict[str, list[str]]:
    """Errors of nested serializers as one flat map: `appliances.0.hours` → [messages].

    The document promises `fields` maps a name to a list of texts; a nested serializer (a list
    of items, an object in an object) would otherwise put a map where a list belongs.
    """
    out: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = (
                prefix
                if key == "non_field_errors" and prefix
                else (f"{prefix}.{key}" if prefix else str(key))
            )
            for sub, messages in _field_messages(value, name).items():
                out.setdefault(sub, []).extend(messages)
    elif isinstance(detail, list):
        for index, item in enumerate(detail):
            if isinstance(item, dict | list):
                inner = f"{prefix}.{index}" if isinstance(item, dict) else prefix
                for sub, messages in _field_messages(item, inner).items():
                    out.setdefault(sub, []).extend(messages)
            elif item not in ("", None):
                out.setdefault(prefix or "non_field_errors", []).append(str(item))
    elif detail not in ("", None):
        out.setdefault(prefix or "non_field_errors", []).append(str(detail))
    return out


def error_body(*, status_code: int, code: str, message: str, fields=None) -> dict:
    body = {"status": status_code, "code": code, "message": message}
    if fields:
        body["fields"] = fields
    return {"error": body}


def unavailable_message() -> str:
    """What a client is told while the database is down: nothing was received; the hotline."""
    phone = company_contacts().hotline_phone
    if phone:
        return _(
            "The service is temporarily unavailable and nothing was received. "
            "Please try again later or call the hotline {phone}."
        ).format(phone=phone)
    return _(
        "The service is temporarily unavailable and nothing was received. Please try again later."
    )


def edge_error_response(request, *, status, code, message, field=None):
    """The error shape for a request core/hygiene.py refused before any view."""
    fields = {field: [str(message)]} if field else None
    body = error_body(status_code=status, code=code, message=str(message), fields=fields)
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def _edge_exception(exc):
    """Django's own request errors, raised while DRF reads a body, as API exceptions."""
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge()
    if isinstance(exc, TooManyFieldsSent):
        return TooManyFields(
            str(hygiene.TOO_MANY_FIELDS_MESSAGE(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS))
        )
    if isinstance(exc, TooManyFilesSent):
        return TooManyFields(
            str(hygiene.TOO_MANY_FILES_MESSAGE(settings.DATA_UPLOAD_MAX_NUMBER_FILES))
        )
    if isinstance(exc, MultiPartParserError):
        return exceptions.ParseError(str(hygiene.UNREADABLE_FORM_MESSAGE))
    return exc


def exception_handler(exc, context):
    exc = _edge_exception(exc)
    if database_down(exc):
        # Degraded mode (core/degraded.py, decision 0014): 503, never a half-acknowledged write.
        return Response(
            error_body(status_code=503, code="unavailable", message=unavailable_message()),
            status=503,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS), "Cache-Control": "no-store"},
        )
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
        fields = _field_messages(exc.detail)
        response.data = error_body(
            status_code=response.status_code,
            code=str(getattr(exc, "default_code", "invalid")),
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
