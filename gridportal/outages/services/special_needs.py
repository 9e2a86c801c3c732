"""The register of customers with special needs (health data under 152-FZ art. 10).

A dispatcher enters a person who asked to be on it; dependence on medical equipment is
recorded only with the person's explicit consent, kept in the consent registry. Staff
views of the register are audited (views/staff.py).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gridportal.accounts.consents import SPECIAL_NEEDS
from gridportal.accounts.services import consent_record, consent_withdraw
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


@transaction.atomic
def special_needs_update(
    *,
    row: SpecialNeedsCustomer,
    name: str,
    phone: str,
    need: str,
    notes: str,
    consent_given: bool,
    actor,
    request,
) -> SpecialNeedsCustomer:
    """Correct an entry (a new phone, a changed need); the audit names the fields, not values."""
    row = SpecialNeedsCustomer.objects.select_for_update().get(pk=row.pk)
    if need == SpecialNeed.MEDICAL_EQUIPMENT and row.consent_id is None and not consent_given:
        raise ApplicationError(
            _(
                "Dependence on medical equipment is health data: record it only with the "
                "person's explicit consent (152-FZ art. 10)."
            ),
            code="consent",
        )
    new = {
        "name": " ".join(name.split()),
        "phone": phone_normalize(phone),
        "need": need,
        "notes": notes,
    }
    changed = sorted(field for field, value in new.items() if getattr(row, field) != value)
    if row.consent_id is None and consent_given:
        row.consent = consent_record(
            purpose=SPECIAL_NEEDS,
            origin=Origin.from_request(request, channel="phone", staff=True),
            contact=new["phone"],
        )
        changed.append("consent")
    for field, value in new.items():
        setattr(row, field, value)
    row.save()
    if changed:
        # Only the names of the fields: the values are health data and stay in the register.
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=row,
            request=request,
            details={"register": "special_needs", "fields": changed},
        )
    return row


@transaction.atomic
def special_needs_withdraw(*, row: SpecialNeedsCustomer, actor, request) -> None:
    """The person withdrew consent (or asked to leave): the entry and its health data are erased.

    The consent record is marked withdrawn and forgets the phone it named; the audit log keeps
    that an entry was erased, by whom and when (152-FZ art. 9 § 5, art. 21 § 5).
    """
    row = SpecialNeedsCustomer.objects.select_for_update().get(pk=row.pk)
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        obj=row,
        request=request,
        details={"register": "special_needs", "reason": "consent_withdrawn"},
    )
    consent_id = row.consent_id
    row.delete()
    if consent_id is not None:
        consent_withdraw(record_id=consent_id, at=timezone.now(), erase_contact=True)
