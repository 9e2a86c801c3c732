"""Request-body parsers that refuse a body over `DATA_UPLOAD_MAX_MEMORY_SIZE` with 413.

Django enforces the limit on `request.body` and on form fields, but DRF reads a JSON body
from the stream, past it. These parsers read at most the limit and answer 413 in the API
error shape (`PayloadTooLarge`), whatever the content type.
"""

import io

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import parsers, status
from rest_framework.exceptions import APIException


class PayloadTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is too large.")
    default_code = "too_large"


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


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        return super().parse(_limited(stream, parser_context), media_type, parser_context)


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
