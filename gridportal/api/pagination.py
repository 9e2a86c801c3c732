"""Page-number pagination that refuses what it cannot read instead of guessing.

DRF falls back to the default page size on `page_size=abc|null|0`, and reads `page=last`;
here a `page` or `page_size` that is not a whole number in range answers 400 naming the
parameter, and a page past the end answers 404 (both documented in the OpenAPI schema).
"""

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination


def positive_int_param(request, name: str, *, maximum: int | None = None) -> int | None:
    """A query parameter as a whole number ≥ 1 (≤ maximum), None when absent; else 400."""
    if name not in request.query_params:
        return None
    raw = request.query_params[name]
    value = int(raw) if raw.isascii() and raw.isdigit() else 0
    if value < 1 or (maximum is not None and value > maximum):
        if maximum is None:
            message = _("Enter a whole number of at least 1.")
        else:
            message = _("Enter a whole number from 1 to {maximum}.").format(maximum=maximum)
        raise ValidationError({name: [message]})
    return value


class StandardPagination(PageNumberPagination):
    """Pages of 50 (page_size up to 500). A malformed page or page_size is a 400 naming it;
    a page past the last is a 404, as DRF has it."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    last_page_strings = ()

    def get_page_size(self, request):
        value = positive_int_param(request, self.page_size_query_param, maximum=self.max_page_size)
        return self.page_size if value is None else value

    def get_page_number(self, request, paginator):
        value = positive_int_param(request, self.page_query_param)
        if value is None:
            return 1
        if value > paginator.num_pages:
            raise NotFound(
                _("There is no page {number}: the last is {last}.").format(
                    number=value, last=paginator.num_pages
                )
            )
        return value

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
                parameter["schema"]["default"] = self.page_size
        return parameters
