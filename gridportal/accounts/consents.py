"""The one registry of consent texts (152-FZ): what a person agrees to, under which version.

Every form, API and protocol that takes personal data names a purpose from here; the
record keeps the purpose, the version of the text shown and the channel it came through.
A changed text gets a new version, so old records still say what was agreed to.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ConsentText:
    """One purpose of processing and the text a person agrees to for it."""

    purpose: str
    version: str
    text: str  # lazy: shown in the reader's language


OUTAGE_REPORT = "outage_report"
SUBSCRIPTION = "notifications.subscribe"
SIGNUP = "signup"
APPEAL = "appeal"
OFFICE_BOOKING = "offices.booking"
SPECIAL_NEEDS = "outages.special_needs"
CONNECTION_INTENTION = "connection.intention"

CONSENTS: dict[str, ConsentText] = {
    item.purpose: item
    for item in (
        ConsentText(
            OUTAGE_REPORT,
            "2026-11",
            _(
                "The grid company processes the phone number and e-mail you give with an outage "
                "report to call you back and to tell you about the outage at this address. They "
                "are kept for one year and not passed to anyone else. You may withdraw consent by "
                "calling the hotline."
            ),
        ),
        ConsentText(
            SUBSCRIPTION,
            "2026-11",
            _(
                "The grid company processes your phone number or e-mail to send you messages "
                "about outages and planned work at the chosen address until you unsubscribe. "
                "Unsubscribing withdraws the consent."
            ),
        ),
        ConsentText(
            SPECIAL_NEEDS,
            "2026-11",
            _(
                "I agree that the grid company processes my name, phone, address and the fact "
                "that I depend on electrically powered medical equipment (health data, 152-FZ "
                "art. 10) to warn me first of planned work and to send a crew first in an "
                "outage. The data are seen only by the dispatchers of my branch, each access is "
                "recorded, and they are erased when I withdraw this consent."
            ),
        ),
        ConsentText(
            SIGNUP,
            "2026-11",
            _(
                "The grid company processes your e-mail and name to keep your account on the "
                "portal until you close it."
            ),
        ),
        ConsentText(
            APPEAL,
            "2026-11",
            _(
                "The grid company processes your name, contacts and the text of your appeal to "
                "register it, consider it and answer you. The register of appeals is kept for "
                "five years. An appeal for another body is sent on to it with your data. You may "
                "withdraw consent by calling the hotline."
            ),
        ),
        ConsentText(
            OFFICE_BOOKING,
            "2026-11",
            _(
                "The grid company processes your name, phone number and e-mail to book your visit "
                "to a service centre, to send you the confirmation and a reminder, and to receive "
                "you at the desk. They are kept for one year after the visit and not passed to "
                "anyone else. You may withdraw consent by cancelling the booking or calling the "
                "hotline."
            ),
        ),
        ConsentText(
            CONNECTION_INTENTION,
            "2026-11",
            _(
                "The grid company processes your name, phone number and e-mail given with a "
                "connection request to answer it and to contact you about connecting. They are "
                "kept for one year and not passed to anyone else. You may withdraw consent by "
                "calling the hotline."
            ),
        ),
    )
}


def consent_text(purpose: str) -> ConsentText:
    """The text in force for a purpose; KeyError for a purpose nobody registered."""
    return CONSENTS[purpose]
