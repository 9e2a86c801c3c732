from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination


def _positive(raw: str, *, upper: int) -> int | None:
    """The integer 1…upper the text spells (ASCII digits only), else None."""
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
        return None
    value = int(raw)
    return value if 1 <= value <= upper else None


class StandardPagination(PageNumberPagination):
    """Pages of 50 (page_size up to 500). A malformed page or page_size is a 400 naming it;
    a page past the last is a 404, as DRF has it."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    max_page = 10**9

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None or raw == "":
            return self.page_size
        value = _positive(raw, upper=self.max_page_size)
        if value is None:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("Give a whole number from 1 to {max}.").format(max=self.max_page_size)
                    ]
                }
            )
        return value

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param)
        if raw is None or raw == "":
            return 1
        if raw in self.last_page_strings:
            return paginator.num_pages
        value = _positive(raw, upper=self.max_page)
        if value is None:
            raise ValidationError(
                {self.page_query_param: [_("Give a page number: a whole number from 1.")]}
            )
        if value > paginator.num_pages:
            raise NotFound(
                _("There is no page {number}: the last is {last}.").format(
                    number=value, last=paginator.num_pages
                )
            )
        return value
