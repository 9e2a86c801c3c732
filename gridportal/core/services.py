from django.db import transaction

from .models import AuditLogEntry, Branch


def client_ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


@transaction.atomic
def audit_record(
    *,
    actor,
    action: str,
    obj,
    branch: Branch | None = None,
    request=None,
    details: dict | None = None,
) -> AuditLogEntry:
    """Append one entry to the audit log for a staff action on a record."""
    return AuditLogEntry.objects.create(
        actor=actor,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        branch=branch if branch is not None else getattr(obj, "branch", None),
        ip_address=client_ip(request),
        user_agent=(request.META.get("HTTP_USER_AGENT", "")[:300] if request else ""),
        details=details or {},
    )
