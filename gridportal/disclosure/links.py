"""Links from the guides into the portal's own services, by URL name.

The services are other apps (some built in parallel): a name that does not resolve falls
back to the path the service is planned at, so a guide's link never disappears.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .choices import GuideStage


@dataclass(frozen=True)
class ServiceLink:
    url_name: str
    fallback: str
    label: str

    @property
    def url(self) -> str:
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return self.fallback


ADDRESS = ServiceLink("grid:address-search", "/addresses/", _("Find your address"))
INTENTION = ServiceLink(
    "connection:intention", "/connection/intention/", _("Submit a request-intention to connect")
)
HOTLINE = ServiceLink("outages:report", "/outages/report/", _("Report an outage"))
STATUS = ServiceLink("outages:status", "/outages/", _("Is there power at my address?"))
APPEALS = ServiceLink("appeals:submit", "/appeals/", _("Send an appeal"))
OFFICES = ServiceLink("offices:directory", "/offices/", _("Book a visit to a customer office"))
RELIABILITY = ServiceLink(
    "reliability:index", "/reliability/", _("Reliability of supply by region and district")
)
LOAD_MAP = ServiceLink("capacity:map", "/capacity/", _("Free capacity of power centres on the map"))

STAGE_LINKS = {
    GuideStage.CONNECTION: [INTENTION, ADDRESS, OFFICES, APPEALS],
    GuideStage.METERING: [OFFICES, APPEALS, ADDRESS],
    GuideStage.PAYMENT: [APPEALS, OFFICES],
    GuideStage.OUTAGES: [HOTLINE, STATUS, APPEALS],
}


def stage_links(stage: str) -> list[ServiceLink]:
    return STAGE_LINKS.get(stage, [])
