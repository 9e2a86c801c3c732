"""The JSON parser of every API view and of Open311 (REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]).

DRF's own parser reads any size, recurses into any depth (a deep enough body is a
RecursionError, a 500) and lets NUL through to the database. This one refuses, in the
API's error shape:
- a body over DATA_UPLOAD_MAX_MEMORY_SIZE (the limit Django applies to forms): 413;
- nesting deeper than MAX_DEPTH: 400;
- strings (keys or values) holding a control character (core/hygiene.py): 400 naming the
  field.
Whether the top level must be an object is the view's or serializer's business.
"""

import codecs
import io

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import exceptions, parsers
from rest_framework.parsers import JSONParser as DRFJSONParser
from rest_framework.parsers import get_encoding
from rest_framework.utils import json

from gridportal.core import hygiene

from .exceptions import ControlCharacterError, PayloadTooLarge

MAX_DEPTH = 20


def _too_deep() -> exceptions.ParseError:
    return exceptions.ParseError(
        _("The JSON is nested too deeply: at most {depth} levels.").format(depth=MAX_DEPTH)
    )


def _field_name(path: list) -> str:
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "body"


def check_structure(data, *, max_depth: int = MAX_DEPTH) -> None:
    """Raise if `data` nests deeper than max_depth or holds text with a control character.

    Iterative, so that it cannot itself run out of stack.
    """
    stack = [(data, 1, [])]
    while stack:
        value, depth, path = stack.pop()
        if isinstance(value, dict):
            if depth > max_depth:
                raise _too_deep()
            for key, child in value.items():
                if hygiene.text_problem(key):
                    raise _control(path + [hygiene.printable(key)])
                stack.append((child, depth + 1, path + [key]))
        elif isinstance(value, list):
            if depth > max_depth:
                raise _too_deep()
            stack.extend((child, depth + 1, path + [i]) for i, child in enumerate(value))
        elif isinstance(value, str) and hygiene.text_problem(value):
            raise _control(path)


def _control(path: list) -> ControlCharacterError:
    name = _field_name(path)
    return ControlCharacterError({name: [str(hygiene.control_character_message(name))]})


class JSONParser(DRFJSONParser):
    """DRF's JSON parser with a size limit, a depth limit and the text rule."""

    max_depth = MAX_DEPTH

    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        request = parser_context.get("request")
        if limit is not None and request is not None:
            try:
                declared = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                declared = 0
            if declared > limit:
                raise PayloadTooLarge()
        raw = stream.read(limit + 1) if limit is not None else stream.read()
        if limit is not None and len(raw) > limit:
            raise PayloadTooLarge()
        encoding = get_encoding(parser_context)
        try:
            text = codecs.decode(raw, encoding)
        except (LookupError, UnicodeDecodeError) as error:
            raise exceptions.ParseError(
                _("The JSON could not be read: {error}").format(error=error)
            ) from None
        try:
            data = json.loads(text) if self.strict else json.loads(text, parse_constant=None)
        except RecursionError:
            raise _too_deep() from None
        except ValueError as error:
            raise exceptions.ParseError(
                _("The JSON could not be read: {error}").format(error=error)
            ) from None
        check_structure(data, max_depth=self.max_depth)
        return data


def _limited(stream, parser_context):
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit is None or stream is None:
        return stream
    request = (parser_context or {}).get("request")
    declared = request.META.get("CONTENT_LENGTH") if request is not None else None
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge()
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise PayloadTooLarge()
    return io.BytesIO(data)


class FormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        return super().parse(_limited(stream, parser_context), media_type, parser_context)


class MultiPartParser(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH", "") if request is not None else ""
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and declared.isdigit() and int(declared) > limit:
            raise PayloadTooLarge()
        return super().parse(stream, media_type, parser_context)
