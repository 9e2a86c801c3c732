"""Open311 errors: the project's error handling, reshaped to GeoReport v2's error list.

[{"code": 400, "description": "..."}]
"""

from rest_framework.response import Response

from gridportal.api.errors import exception_handler as api_exception_handler
from gridportal.core.exceptions import ApplicationError

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
                if field == "non_field_errors"
                else f"{FIELD_NAMES.get(field, field)}: {message}",
            }
            for field, messages in fields.items()
            for message in (messages if isinstance(messages, list) else [messages])
        ]
    else:
        response.data = [{"code": code, "description": error["message"]}]
    return response
