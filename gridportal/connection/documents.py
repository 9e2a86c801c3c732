"""The exact documents an application needs (ПП 861 п. 10), by applicant and case. Pure."""

from __future__ import annotations

from django.utils.translation import gettext as _

from .choices import ApplicantKind, Category, ObjectKind


def documents_for(
    *, applicant: str, category: str, object_kind: str, social: bool, increase: bool = False
) -> list[str]:
    docs = []
    if applicant == ApplicantKind.INDIVIDUAL:
        docs.append(_("Passport (series, number, issued by and date) and СНИЛС"))
    elif applicant == ApplicantKind.ENTREPRENEUR:
        docs.append(_("Passport and ОГРНИП, ИНН of the entrepreneur"))
    else:
        docs.append(_("ОГРН and ИНН of the company, and the document appointing the signatory"))
    docs.append(_("Plan of the location of the devices to be connected"))
    docs.append(_("Title document for the land plot or the building (or a lease)"))
    if increase:
        docs.append(_("Documents of the existing connection (act of technological connection)"))
    if category in (Category.MEDIUM_670, Category.LARGE):
        docs.append(_("List and power of the devices, and the staged commissioning schedule"))
    if category == Category.LARGE:
        docs.append(_("Single-line diagram of the applicant's network at the connection point"))
    if object_kind == ObjectKind.MICROGENERATION:
        docs.append(_("Data of the generating installation (type, installed power)"))
    if social:
        docs.append(
            _("Document confirming the social category (e.g. certificate of a large family)")
        )
    docs.append(_("Power of attorney, if a representative applies"))
    return docs


def procedure_for(category: str) -> str:
    """How the contract is concluded, in words."""
    if category in (Category.INDIVIDUAL_15, Category.SMALL_150, Category.MICROGENERATION):
        return _(
            "You apply in your personal account. We post the contract terms, the technical "
            "conditions and the invoice there: together they are our offer. Paying the invoice "
            "accepts it and concludes the contract; if it is not paid in time, the application is "
            "annulled."
        )
    if category == Category.TEMPORARY:
        return _(
            "A temporary connection for a mobile object or the time of construction: we send the "
            "contract and technical conditions; after the works the object is connected."
        )
    return _(
        "We send you the draft contract and the technical conditions to sign; the contract is "
        "concluded when you return it signed. Works on both sides follow the technical conditions; "
        "at the end the connection is inspected and the documents are signed."
    )
