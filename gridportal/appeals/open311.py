"""The appeal topics as Open311 GeoReport v2 services (decision 0007), beside the hazards.

A request becomes an appeal through the same intake as the web form. Appeals are private
correspondence: they are not listed in requests.json and not shown by id; the notice gives
the client the registration number and the tracking code for /appeals/track/.

service_request_id: digits only (the protocol's ids are numeric), year × 10⁶ + the number
within the year (А-2026-000123 → 2026000123), so they never meet the hotline's report ids.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gridportal.core.intake import Origin
from gridportal.open311.registry import Accepted, RequestIn, RequestQuery, Service

from .choices import AppealType, Channel, Topic
from .services import Submission, appeal_submit

PREFIX = "appeal_"
COMPLAINT_TOPICS = (Topic.INTERRUPTIONS, Topic.POWER_QUALITY, Topic.OFFICE_SERVICE)
DESCRIPTIONS = {
    Topic.CONNECTION: gettext_lazy("A question or complaint about connection to the grid."),
    Topic.INTERRUPTIONS: gettext_lazy("A complaint about interruptions of supply."),
    Topic.POWER_QUALITY: gettext_lazy("A complaint about the voltage or the quality of supply."),
    Topic.METERING: gettext_lazy("A question about meters and metering."),
    Topic.BILLING: gettext_lazy("A question about bills and payments for grid services."),
    Topic.OFFICE_SERVICE: gettext_lazy("A complaint about service in a customer office."),
    Topic.OTHER: gettext_lazy("Any other appeal to the grid company."),
}


def service_request_id(number: str) -> str:
    _prefix, year, sequence = number.split("-")
    return str(int(year) * 1_000_000 + int(sequence))


SERVICES = tuple(
    Service(
        code=f"{PREFIX}{topic.value}",
        name=topic.label,
        description=DESCRIPTIONS[topic],
        group=gettext_lazy("Appeals"),
        keywords=("appeal", topic.value),
    )
    for topic in Topic
    if topic != Topic.SAFETY_HAZARD  # the hotline's hazard services take those
)


class AppealRequests:
    """The Open311 provider of the appeals desk."""

    services = SERVICES

    @transaction.atomic
    def submit(self, *, request: RequestIn, origin: Origin) -> Accepted:
        topic = request.service_code.removeprefix(PREFIX)
        receipt = appeal_submit(
            submission=Submission(
                appeal_type=AppealType.COMPLAINT
                if topic in COMPLAINT_TOPICS
                else AppealType.QUESTION,
                topic=topic,
                text=request.description,
                address=request.address,
                phone=request.phone,
                email=request.email,
                anonymous=not (request.phone or request.email),
                consent_given=request.consent_given,
            ),
            origin=Origin(
                channel=Channel.WEB, ip_address=origin.ip_address, user_agent=origin.user_agent
            ),
        )
        appeal = receipt.appeal
        notice = _(
            "Appeal {number} registered; answer due {date}. Tracking code: {code}. "
            "Follow it at {url}"
        ).format(
            number=appeal.number,
            date=appeal.due_on.strftime("%d.%m.%Y"),
            code=receipt.code,
            url=settings.SITE_URL.rstrip("/") + reverse("appeals:track"),
        )
        return Accepted(
            service_request_id=service_request_id(appeal.number), notice=notice, duplicate=False
        )

    def requests(self, *, query: RequestQuery, now: dt.datetime, limit: int) -> list[dict]:
        return []  # appeals are private: tracked by number and code only

    def request(self, *, request_id: int) -> dict | None:
        return None
