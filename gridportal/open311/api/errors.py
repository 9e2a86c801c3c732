"""Open311 errors: the project's error handling, reshaped to GeoReport v2's error list.

[{"code": 400, "description": "..."}]
"""

from django.http import HttpResponse, JsonResponse
from django.utils import translation
from rest_framework.response import Response

from gridportal.api.errors import exception_handler as api_exception_handler
from gridportal.core.exceptions import ApplicationError

from .renderers import error_list_xml

FIELD_NAMES = {"consent": "attribute[consent]"}


def exception_handler(exc, context):
    if isinstance(exc, ApplicationError):
        return Response([{"code": exc.status, "description": str(exc.message)}], status=exc.status)
    response = api_exception_handler(exc, context)
    if response is None:
        return None
    error = response.data["error"]
    code = response.status_code
    fields = error.get("fields")
    if fields:
        response.data = [
            {
                "code": code,
                "description": message
                if field == "non_field_errors" or f"«{field}»" in message
                else f"{FIELD_NAMES.get(field, field)}: {message}",
            }
            for field, messages in fields.items()
            for message in (messages if isinstance(messages, list) else [messages])
        ]
    else:
        response.data = [{"code": code, "description": error["message"]}]
    return response


def edge_error_response(request, *, status, code, message, field=None):
    """The spec's error list for a request core/hygiene.py refused before any view.

    JSON, or XML when the path asks for it; in the language the client asks for, as the
    Open311 views answer.
    """
    language = translation.get_language_from_request(request)
    with translation.override(language):
        description = str(message)
        if field and field not in description:
            description = f"{FIELD_NAMES.get(field, field)}: {description}"
    errors = [{"code": status, "description": description}]
    if request.path.endswith(".xml"):
        response = HttpResponse(
            error_list_xml(errors), status=status, content_type="text/xml; charset=utf-8"
        )
    else:
        response = JsonResponse(
            errors, status=status, safe=False, json_dumps_params={"ensure_ascii": False}
        )
    response.headers["Content-Language"] = language
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response
