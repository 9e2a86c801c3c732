"""The OpenAPI document tells the truth: the error shape, who sees what, which codes exist.

`ErrorSerializer` is the one error shape of `gridportal.api.errors`. The post-processing
hook `document_api` (settings `SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]`) adds to every
operation under /api/v1/ the errors it can answer:

- 400 where the operation takes query parameters or a body;
- 404 where it names an object in its path or pages a list (a page past the end);
- 413 and 415 where it takes a body (too large; an unknown content type);
- 414 everywhere: a request line too long for the web server, answered before the
  application and so not in the error shape.

Views declare their own extra answers (404 of a look-up, 429 of an intake) with
`error_responses(...)`. The hook also lists the existing codes of `branch` and `district`
parameters (an unknown code is a 400), and marks staff-only fields optional.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from .serializers import STAFF_ONLY_FIELDS

API_PREFIX = "/api/v1/"
ERROR_REF = {"$ref": "#/components/schemas/Error"}

ERROR_DESCRIPTIONS = {
    400: _("The request has errors: `fields` names each parameter or field and what is wrong."),
    403: _("Not allowed for this user."),
    404: _("No such object, or a page past the end of the list."),
    413: _("The request body is too large."),
    415: _("The request body is not in a supported content type."),
    429: _("Too many requests from this contact or address; try again later."),
}


class ErrorBodySerializer(serializers.Serializer):
    status = serializers.IntegerField(help_text=_("The HTTP status again."))
    code = serializers.CharField(help_text=_("A stable machine word: invalid, not_found, …"))
    message = serializers.CharField(help_text=_("For people, in the caller's language."))
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text=_("Validation errors only: each parameter or field → its messages."),
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorBodySerializer()


def error_responses(*statuses: int) -> dict:
    """`extend_schema(responses={…, **error_responses(404, 429)})` for a view's own errors."""
    return {
        status: OpenApiResponse(response=ErrorSerializer, description=ERROR_DESCRIPTIONS[status])
        for status in statuses
    }


def _error(status: int) -> dict:
    return {
        "description": str(ERROR_DESCRIPTIONS[status]),
        "content": {"application/json": {"schema": ERROR_REF}},
    }


def _codes() -> dict[str, list[str]]:
    """Existing branch and district codes; none when the database cannot say (no enum then)."""
    from django.db import DatabaseError

    from gridportal.core.models import Branch, District

    try:
        return {
            "branch": list(Branch.objects.order_by("code").values_list("code", flat=True)),
            "district": list(District.objects.order_by("code").values_list("code", flat=True)),
        }
    except DatabaseError:
        return {}


def _document_staff_only(schemas: dict) -> None:
    for name, fields in STAFF_ONLY_FIELDS.items():
        component = schemas.get(name)
        if component is None:
            continue
        required = [f for f in component.get("required", []) if f not in fields]
        if required:
            component["required"] = required
        else:
            component.pop("required", None)
        component["description"] = str(
            _("Staff-only fields (present only for staff of the object's branch): {fields}.")
        ).format(fields=", ".join(f"`{f}`" for f in fields))


# What core/hygiene.py lets through: no control characters in a query string or path, none
# but tab and line breaks in text of a body (a 400 otherwise, before any view).
QUERY_TEXT = "^[^\\u0000-\\u001f\\u007f]*$"
BODY_TEXT = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f]*$"


def _plain_text(schema: dict, pattern: str) -> None:
    """Say in the schema that a free-text string carries no control characters."""
    if schema.get("type") == "string" and not ({"enum", "format", "pattern"} & schema.keys()):
        schema["pattern"] = pattern


def _document_body_text(schemas: dict) -> None:
    for component in schemas.values():
        for prop in component.get("properties", {}).values():
            _plain_text(prop, BODY_TEXT)


def _document_errors(path: str, method: str, operation: dict, codes: dict) -> None:
    parameters = operation.get("parameters", [])
    query = [p for p in parameters if p["in"] == "query"]
    for parameter in query:
        if parameter["name"] in codes and codes[parameter["name"]]:
            parameter["schema"] = {"type": "string", "enum": codes[parameter["name"]]}
    for parameter in parameters:
        if parameter["in"] in ("query", "path"):
            _plain_text(parameter.get("schema", {}), QUERY_TEXT)
    responses = operation.setdefault("responses", {})
    statuses = set()
    if query or "requestBody" in operation or any(p["in"] == "path" for p in parameters):
        statuses.add(400)
    if any(p["in"] == "path" for p in parameters) or any(p["name"] == "page" for p in query):
        statuses.add(404)
    if "requestBody" in operation:
        statuses |= {413, 415}
    security = operation.get("security")
    if security is not None and {} not in security:
        # For signed-in staff or customers only. Anyone may call it: without a session the
        # answer is the documented 403, so the session is optional in the document.
        statuses.add(403)
        security.append({})
    for status in sorted(statuses):
        responses.setdefault(str(status), _error(status))
    responses.setdefault(
        "414",
        {"description": str(_("The request line is too long (answered by the web server)."))},
    )


def document_api(result, generator, request, public):
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    _document_staff_only(schemas)
    _document_body_text(schemas)
    codes = _codes()
    for path, item in result.get("paths", {}).items():
        if not path.startswith(API_PREFIX):
            continue
        for method, operation in item.items():
            _document_errors(path, method, operation, codes)
    return result
