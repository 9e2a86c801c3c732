"""Input hygiene at the edge: control characters and oversized requests, refused in one place.

PostgreSQL refuses text with NUL in it, and XML 1.0 cannot carry most other C0 control
characters; neither has a business in a URL, a header or a form field typed by a person.
`InputHygieneMiddleware` refuses such requests with a 400 before any view, form or query
sees them, and turns Django's request-size errors (RequestDataTooBig → 413,
TooManyFieldsSent → 400) into an answer in the shape the client reads.

The shape depends on where the request went: an app may name, in its AppConfig,
`edge_errors = ("/prefix/", "dotted.path.to.responder")`; the responder is called as
`responder(request, status=…, code=…, message=…, field=…)` and returns an HttpResponse
(the API's JSON error, Open311's error list). Everything else gets a short localized page
(`core/public/bad_request.html`). Core reads the AppConfigs and never imports the apps.

What is refused (decision 0009):
- the path: any C0 control character or DEL;
- the query string and header values: any C0 control character except tab, and DEL;
- form fields (url-encoded and multipart text fields and file names): any C0 control
  character except tab, line feed and carriage return, and DEL.
JSON bodies are checked by the API's parser (`gridportal/api/parsers.py`), with the same
rule for strings (`text_problem`).
"""

from __future__ import annotations

import re

from django.apps import apps
from django.conf import settings
from django.core.exceptions import (
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
    ValidationError,
)
from django.http import HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.template.loader import render_to_string
from django.utils import formats
from django.utils.functional import lazy
from django.utils.module_loading import import_string
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# Characters a person's text never legitimately holds: C0 controls except tab, LF and CR;
# DEL; lone surrogates (a JSON "\ud800" decodes to one and no database can store it);
# U+FFFE and U+FFFF (not characters in XML 1.0).
_TEXT_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# Query strings and headers: the same, and line breaks too (a text input cannot send them).
_LINE_BAD = re.compile("[\x00-\x08\x0a-\x1f\x7f]")
_PATH_BAD = re.compile("[\x00-\x1f\x7f]")
# The raw query string is still percent-encoded: %00–%1F (but %09, tab) and %7F.
_QUERY_BAD = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]|%(?:0[0-8a-fA-F]|1[0-9a-fA-F]|7[fF])")
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

CONTROL_MESSAGE = _(
    "«{name}» contains a control character (such as NUL) that text may not hold; "
    "remove it and send again."
)
PATH_MESSAGE = _("The address of the page contains a control character; check the link.")
HEADER_MESSAGE = _("The request header {name} contains a control character.")
TOO_LARGE_MESSAGE = _("The request is too large: send at most {size} MB.")


def _too_many_fields_message(count):
    return ngettext(
        "The form has too many fields: send at most {n} field.",
        "The form has too many fields: send at most {n} fields.",
        count,
    ).format(n=count)


def _too_many_files_message(count):
    return ngettext(
        "The form has too many files: send at most {n} file.",
        "The form has too many files: send at most {n} files.",
        count,
    ).format(n=count)


TOO_MANY_FIELDS_MESSAGE = lazy(_too_many_fields_message, str)
TOO_MANY_FILES_MESSAGE = lazy(_too_many_files_message, str)
UNREADABLE_FORM_MESSAGE = _("The form data could not be read; send it again.")
SIZE_ERRORS = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def text_problem(value: str) -> bool:
    """True if the text holds a character a person's text may not (see `_TEXT_BAD`)."""
    return _TEXT_BAD.search(value) is not None


def printable(name: str) -> str:
    """A name with its control characters taken out, short enough to quote back."""
    return _TEXT_BAD.sub("", _LINE_BAD.sub("", name))[:60] or "?"


def validate_plain_text(value) -> None:
    """A validator for text fields stored from any interface (forms, serializers)."""
    if isinstance(value, str) and text_problem(value):
        raise ValidationError(
            _("The text contains a control character (such as NUL); remove it."),
            code="control_character",
        )


def control_character_message(name: str):
    return format_lazy(CONTROL_MESSAGE, name=name)


def _megabytes() -> str:
    value = round(settings.DATA_UPLOAD_MAX_MEMORY_SIZE / (1024 * 1024), 1)
    return formats.number_format(int(value) if value == int(value) else value)


def too_large_message():
    """«…at most 2.5 MB» (2,5 МБ in Russian), evaluated in the language active when shown."""
    return format_lazy(TOO_LARGE_MESSAGE, size=lazy(_megabytes, str)())


def _responders() -> list[tuple[str, object]]:
    found = []
    for config in apps.get_app_configs():
        declared = getattr(config, "edge_errors", None)
        if declared:
            prefix, dotted = declared
            found.append((prefix, dotted))
    # Longest prefix first, so that a more specific app wins.
    return sorted(found, key=lambda item: len(item[0]), reverse=True)


class InputHygieneMiddleware:
    """Refuses control characters in the path, query string, headers and form fields (400)
    and answers request-size errors (413/400), in the shape the client reads."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.responders = _responders()
        self._imported = {}

    def __call__(self, request):
        refusal = self.check(request)
        if refusal is not None:
            return refusal
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, SIZE_ERRORS):
            return self.size_error(request, exception)
        return None

    # --- checks -------------------------------------------------------------------

    def check(self, request):
        # str.isprintable() is a C-speed first look; the regexes decide when it says no
        # (a non-breaking space, say, is not printable but is allowed).
        path = request.path
        if not path.isprintable() and _PATH_BAD.search(path):
            return self.refuse(request, message=PATH_MESSAGE)
        meta = request.META
        query = meta.get("QUERY_STRING", "")
        if query and _QUERY_BAD.search(query):
            return self.refuse_query(request)
        # Every header value at once, joined by a space; then the cookies decoded: a quoted
        # cookie value may spell NUL as an octal escape ("\000").
        headers = " ".join(
            [value for key, value in meta.items() if key[:5] == "HTTP_" and type(value) is str]
        )
        if not headers.isprintable() and _LINE_BAD.search(headers):
            return self.refuse_header(request)
        cookies = " ".join(request.COOKIES.values())
        if not cookies.isprintable() and _LINE_BAD.search(cookies):
            return self.refuse(request, message=format_lazy(HEADER_MESSAGE, name="Cookie"))
        # Django parses form bodies of POST only; JSON bodies are the API parser's business.
        if request.method == "POST" and request.content_type in _FORM_TYPES:
            return self.check_form(request)
        return None

    def check_form(self, request):
        try:
            post, files = request.POST, request.FILES
        except SIZE_ERRORS as exception:
            return self.size_error(request, exception)
        except MultiPartParserError:
            return self.respond(
                request, status=400, code="invalid", message=UNREADABLE_FORM_MESSAGE
            )
        # One search over every name and value first; the loop only names the culprit.
        texts = [text for name, values in post.lists() for text in (name, *values)]
        if text_problem(" ".join(texts)):
            for name, values in post.lists():
                if text_problem(name) or any(text_problem(v) for v in values):
                    return self.refuse_field(request, name)
        for name, uploads in files.lists():
            if text_problem(name) or any(text_problem(f.name or "") for f in uploads):
                return self.refuse_field(request, name)
        return None

    def refuse_query(self, request):
        try:
            parameters = list(request.GET.lists())
        except SIZE_ERRORS as exception:
            return self.size_error(request, exception)
        for name, values in parameters:
            if _LINE_BAD.search(name) or any(_LINE_BAD.search(v) for v in values):
                return self.refuse_field(request, name)
        # Only an undecodable remainder (e.g. a bare key) is left: name nothing.
        return self.refuse(request, message=control_character_message("?"))

    def refuse_header(self, request):
        for key, value in request.META.items():
            if key[:5] == "HTTP_" and type(value) is str and _LINE_BAD.search(value):
                header = key[5:].replace("_", "-").title()
                return self.refuse(request, message=format_lazy(HEADER_MESSAGE, name=header))
        return None

    # --- answers ------------------------------------------------------------------

    def refuse_field(self, request, name):
        shown = printable(name)
        return self.refuse(request, message=control_character_message(shown), field=shown)

    def refuse(self, request, *, message, field=None):
        return self.respond(
            request, status=400, code="control_character", message=message, field=field
        )

    def size_error(self, request, exception):
        if isinstance(exception, TooManyFieldsSent):
            message = TOO_MANY_FIELDS_MESSAGE(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS)
            return self.respond(request, status=400, code="too_many_fields", message=message)
        if isinstance(exception, TooManyFilesSent):
            message = TOO_MANY_FILES_MESSAGE(settings.DATA_UPLOAD_MAX_NUMBER_FILES)
            return self.respond(request, status=400, code="too_many_files", message=message)
        return self.respond(request, status=413, code="too_large", message=too_large_message())

    def respond(self, request, *, status, code, message, field=None):
        for prefix, dotted in self.responders:
            if request.path.startswith(prefix):
                responder = self._imported.get(dotted)
                if responder is None:
                    responder = self._imported[dotted] = import_string(dotted)
                return responder(request, status=status, code=code, message=message, field=field)
        return bad_request_page(status=status, message=message)


def bad_request_page(*, status: int, message) -> HttpResponse:
    """The short page a browser gets; rendered without the database or the session."""
    body = render_to_string(
        "core/public/bad_request.html",
        {"status": status, "message": message, "portal_name": settings.PORTAL_NAME},
    )
    return HttpResponse(body, status=status)
