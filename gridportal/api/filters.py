"""Filters of the API: a backend strict about empty values, and filters that check type and range.

A FilterSet serves both the staff console (where a form sends `voltage_kv=` for an empty
box) and the API. In the API a parameter that is present must hold a value of its type:
`min_reserve=`, `feeder=` or `branch=` answers 400 naming the parameter; only free-text
filters (`q`) may be empty. django-filter's NumberFilter reads a Decimal: `?feeder=1.5`
would quietly match feeder 1 and a 30-digit id would reach the database; the filters below
read whole numbers within the bounds the column and the business allow.
"""

import django_filters
from django import forms
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError

from .serializers import MAX_ID


class FilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is not None:
            errors = {}
            for name, field in filterset.form.fields.items():
                if isinstance(field, forms.CharField):
                    continue
                values = request.query_params.getlist(name)
                if values and any(value.strip() == "" for value in values):
                    errors[name] = [_("Give a value or leave the parameter out.")]
            if errors:
                raise ValidationError(errors)
        return super().filter_queryset(request, queryset, view)


class IntegerFilter(django_filters.NumberFilter):
    """A whole number; give min_value and max_value."""

    field_class = forms.IntegerField


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(IntegerFilter):
    """A row id: a positive integer the database can hold."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


# What a person may type into a name search; longer is not a name.
MAX_QUERY_LENGTH = 200


class QueryFilter(django_filters.CharFilter):
    """Free text to search by, of a sane length."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        super().__init__(*args, **kwargs)
