"""Exceptions of the API's edge, raised by the parser and the error handler.

Kept apart from errors.py: the parser is imported while DRF builds APIView (through
REST_FRAMEWORK settings), and errors.py imports rest_framework.views.
"""

from rest_framework import exceptions

from gridportal.core import hygiene


class PayloadTooLarge(exceptions.APIException):
    status_code = 413
    default_code = "too_large"

    def __init__(self):
        super().__init__(detail=str(hygiene.too_large_message()))


class TooManyFields(exceptions.ParseError):
    default_code = "too_many_fields"


class ControlCharacterError(exceptions.ValidationError):
    """Text with a control character (core/hygiene.py), named by its field."""

    default_code = "control_character"
