"""The API's filter backend: django-filter, stricter about empty values.

A FilterSet serves both the staff console (where a form sends `voltage_kv=` for an empty
box) and the API. In the API a parameter that is present must hold a value of its type:
`min_reserve=`, `feeder=` or `branch=` answers 400 naming the parameter. Only free-text
filters (`q`) may be empty: an empty text filters nothing.
"""

from django import forms
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError


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
