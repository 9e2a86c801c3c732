"""The service list: what each Open311 service code means for the hotline (pure data)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from gridportal.outages.choices import Problem

from .choices import ServiceCode

CONSENT_ATTRIBUTE = "consent"
CONSENT_FIELD = "attribute[consent]"


@dataclass(frozen=True)
class Service:
    code: str
    problem: str
    hazard: bool
    description: object  # lazy string
    keywords: tuple[str, ...]

    @property
    def name(self):
        return ServiceCode(self.code).label

    @property
    def group(self):
        return _("Hazards") if self.hazard else _("Power outages")


SERVICES: dict[str, Service] = {
    s.code: s
    for s in (
        Service(
            ServiceCode.NO_POWER,
            Problem.NO_POWER,
            False,
            _("There is no electricity at the address at all."),
            ("outage", "blackout", "power"),
        ),
        Service(
            ServiceCode.PARTIAL_POWER,
            Problem.PARTIAL,
            False,
            _("Some sockets or one phase work, others do not."),
            ("outage", "phase", "power"),
        ),
        Service(
            ServiceCode.VOLTAGE,
            Problem.LOW_VOLTAGE,
            False,
            _("Lights dim or flicker, appliances do not start: low or unstable voltage."),
            ("voltage", "flicker", "power quality"),
        ),
        Service(
            ServiceCode.HAZARD_WIRE,
            Problem.HAZARD,
            True,
            _("A wire is broken, hanging low, lying on the ground or sparking."),
            ("hazard", "wire", "sparking"),
        ),
        Service(
            ServiceCode.HAZARD_POLE,
            Problem.HAZARD,
            True,
            _("A power line pole is leaning, cracked or about to fall."),
            ("hazard", "pole"),
        ),
        Service(
            ServiceCode.HAZARD_CABINET,
            Problem.HAZARD,
            True,
            _("The door of a substation, switchgear or metering cabinet is open or broken."),
            ("hazard", "substation", "cabinet", "door"),
        ),
        Service(
            ServiceCode.HAZARD_TREE,
            Problem.HAZARD,
            True,
            _("A tree or a large branch lies on a power line or touches the wires."),
            ("hazard", "tree", "line"),
        ),
    )
}


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
