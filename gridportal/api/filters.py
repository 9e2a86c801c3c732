"""Filters that check type and range, so that a bad query parameter is a 400 naming it.

django-filter's NumberFilter reads a Decimal: `?feeder=1.5` would quietly match feeder 1
(the integer column casts it) and a 30-digit id would reach the database. These read
whole numbers within the bounds the column and the business allow.
"""

import django_filters
from django import forms

from .serializers import MAX_ID


class IntegerFilter(django_filters.NumberFilter):
    """A whole number; give min_value and max_value."""

    field_class = forms.IntegerField


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
