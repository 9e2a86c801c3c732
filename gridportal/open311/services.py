"""Writes of the Open311 edge: a GeoReport request goes to the provider of its service."""

from __future__ import annotations

from django.utils.translation import gettext as _

from gridportal.core.exceptions import ApplicationError
from gridportal.core.intake import Origin

from . import registry
from .registry import Accepted, RequestIn


def service_request_submit(*, request: RequestIn, origin: Origin) -> Accepted:
    """Hand a validated request to the capability that registered its service."""
    provider = registry.provider_for(request.service_code)
    if provider is None:
        raise ApplicationError(
            _("Unknown service_code «{code}»; see services.json for the list.").format(
                code=request.service_code[:40]
            ),
            code="service",
        )
    return provider.submit(request=request, origin=origin)
