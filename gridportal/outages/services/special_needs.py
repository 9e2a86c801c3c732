"""The register of customers with special needs (health data under 152-FZ art. 10).

A dispatcher enters a person who asked to be on it; dependence on medical equipment is
recorded only with the person's explicit consent, kept in the consent registry. Staff
views of the register are audited (views/staff.py).
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from gridportal.accounts.consents import SPECIAL_NEEDS
from gridportal.accounts.services import consent_record
from gridportal.core.choices import AuditAction
from gridportal.core.contacts import phone_normalize
from gridportal.core.exceptions import ApplicationError
from gridportal.core.intake import Origin
from gridportal.core.services import audit_record

from ..choices import SpecialNeed
from ..models import SpecialNeedsCustomer


@transaction.atomic
def special_needs_add(
    *, address, name: str, phone: str, need: str, notes: str, consent_given: bool, actor, request
) -> SpecialNeedsCustomer:
    if need == SpecialNeed.MEDICAL_EQUIPMENT and not consent_given:
        raise ApplicationError(
            _(
                "Dependence on medical equipment is health data: record it only with the "
                "person's explicit consent (152-FZ art. 10)."
            ),
            code="consent",
        )
    phone = phone_normalize(phone)
    consent = None
    if consent_given:
        consent = consent_record(
            purpose=SPECIAL_NEEDS,
            origin=Origin.from_request(request, channel="phone", staff=True),
            contact=phone,
        )
    row = SpecialNeedsCustomer.objects.create(
        branch=address.branch,
        address=address,
        name=" ".join(name.split()),
        phone=phone,
        need=need,
        notes=notes,
        consent=consent,
        created_by=actor,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, obj=row, request=request)
    return row
