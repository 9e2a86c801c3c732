"""services.json and service definitions, for whatever services the capabilities registered."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .registry import Service

CONSENT_ATTRIBUTE = "consent"
CONSENT_FIELD = "attribute[consent]"


def service_as_dict(service: Service) -> dict:
    """One entry of services.json."""
    return {
        "service_code": service.code,
        "service_name": str(service.name),
        "description": str(service.description),
        "metadata": True,
        "type": "realtime",
        "keywords": ", ".join(service.keywords),
        "group": str(service.group),
    }


def definition_as_dict(service: Service) -> dict:
    """services/<code>.json: the one extra attribute, consent to personal-data processing."""
    return {
        "service_code": service.code,
        "attributes": [
            {
                "variable": True,
                "code": CONSENT_ATTRIBUTE,
                "datatype": "singlevaluelist",
                "required": False,
                "datatype_description": str(
                    _(
                        "Required when e-mail or phone is sent: "
                        "send attribute[consent]=true to consent."
                    )
                ),
                "order": 1,
                "description": str(
                    _(
                        "I consent to the processing of my personal data (name, phone, e-mail) "
                        "to handle this report (Federal Law 152-FZ)."
                    )
                ),
                "values": [{"key": "true", "name": str(_("I consent"))}],
            }
        ],
    }
