from django.contrib.auth.models import Group
from django.db import transaction

from gridportal.core.choices import AuditAction
from gridportal.core.intake import Origin
from gridportal.core.services import audit_record

from .consents import consent_text
from .models import ConsentRecord, User


@transaction.atomic
def staff_user_create(
    *,
    username: str,
    password: str,
    roles: list[str],
    branches=(),
    all_branches=False,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    is_superuser=False,
) -> User:
    user = User.objects.create_user(
        username=username,
        password=password,
        email=email,
        first_name=first_name,
        last_name=last_name,
        is_staff=True,
        is_superuser=is_superuser,
        all_branches=all_branches,
    )
    user.groups.set(Group.objects.filter(name__in=roles))
    user.branches.set(branches)
    return user


@transaction.atomic
def customer_register(*, email: str, password: str, first_name: str = "") -> User:
    email = email.strip().lower()
    user = User.objects.create_user(
        username=email, email=email, password=password, first_name=first_name, is_staff=False
    )
    return user


def customer_confirm_email(*, user: User) -> User:
    if not user.email_confirmed:
        user.email_confirmed = True
        user.save(update_fields=["email_confirmed"])
    return user


def consent_build(
    *, purpose: str, origin: Origin | None = None, request=None, user=None, contact: str = ""
) -> ConsentRecord:
    """A consent to personal-data processing (152-FZ) under the registered text, not yet
    saved: for intake that writes it together with the submission (core/inserts.py)."""
    text = consent_text(purpose)
    if origin is None:
        origin = Origin.from_request(request, channel="web") if request else Origin(channel="")
    return ConsentRecord(
        subject=text.purpose,
        text_version=text.version,
        channel=origin.channel,
        ip_address=origin.ip_address,
        user_agent=origin.user_agent,
        user=user if (user is not None and getattr(user, "is_authenticated", False)) else None,
        contact=contact[:200],
    )


def consent_record(
    *, purpose: str, origin: Origin | None = None, request=None, user=None, contact: str = ""
) -> ConsentRecord:
    """Record a consent to personal-data processing (152-FZ) under the registered text."""
    consent = consent_build(
        purpose=purpose, origin=origin, request=request, user=user, contact=contact
    )
    consent.save(force_insert=True)
    return consent


def consent_withdraw(*, record_id: int, at, erase_contact: bool = False) -> None:
    """Mark a consent withdrawn (unsubscribing, a call to the hotline); optionally forget the
    contact it names, when the data it covered is erased (152-FZ)."""
    fields = {"contact": ""} if erase_contact else {}
    records = ConsentRecord.objects.filter(pk=record_id)
    records.filter(withdrawn_at=None).update(withdrawn_at=at)
    if fields:
        records.update(**fields)


def signin_audit(*, user: User, request) -> None:
    """A staff member signed in: one entry in the audit log (customers' sign-ins are not audited)."""
    if not user.is_staff:
        return
    audit_record(
        actor=user,
        action=AuditAction.LOGIN,
        obj=user,
        branch=None,
        request=request,
        details={"path": getattr(request, "path", "")},
    )


def signin_failure_audit(*, username: str, request, locked_out: bool) -> None:
    """A refused sign-in (wrong password, unknown user, or locked out): who was tried, from where."""
    username = (username or "")[:150]
    user = User.objects.filter(username=username).first() if username else None
    audit_record(
        actor=None,
        action=AuditAction.LOGIN_FAILED,
        obj=user,
        branch=None,
        request=request,
        details={
            "username": username,
            "locked_out": locked_out,
            "path": getattr(request, "path", ""),
        },
    )
