"""The registry's API filters; the same meaning as the public page's form."""

import django_filters
from django.utils.translation import gettext_lazy as _

from gridportal.api.filters import IntegerFilter, QueryFilter

from .choices import DocumentKind, DocumentStatus, Topic
from .models import Category, Document
from .selectors import search_filter
from .selectors.public import category_descendants


class DocumentFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=DocumentKind.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(choices=DocumentStatus.choices, label=_("Status"))
    topic = django_filters.ChoiceFilter(
        choices=Topic.choices, field_name="topic_links__topic", label=_("Topic")
    )
    year = IntegerFilter(field_name="date__year", min_value=1900, max_value=2100, label=_("Year"))
    number = django_filters.CharFilter(
        field_name="number", lookup_expr="iexact", max_length=60, label=_("Number")
    )
    category = django_filters.ModelChoiceFilter(
        queryset=Category.objects.all(),
        to_field_name="slug",
        method="filter_category",
        label=_("Heading (slug)"),
    )
    # Last: with a query the rows come ranked by relevance.
    q = QueryFilter(method="filter_q", label=_("Search (Russian morphology; quotes for a phrase)"))

    class Meta:
        model = Document
        fields = ["kind", "status", "topic", "year", "number", "category", "q"]

    def filter_category(self, queryset, name, value):
        return queryset.filter(category_id__in=category_descendants(value))

    def filter_q(self, queryset, name, value):
        value = " ".join(value.split())
        return search_filter(queryset, value) if value else queryset
