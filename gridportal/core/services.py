import functools
import ipaddress

from django.conf import settings
from django.db import transaction

from .models import AuditLogEntry, Branch


@functools.cache
def _trusted_networks(cidrs: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(cidr, strict=False) for cidr in cidrs)


def _trusted(address, networks) -> bool:
    return any(address in network for network in networks if network.version == address.version)


def client_ip(request) -> str | None:
    """The address of the person behind a request: the one place every per-IP decision asks.

    Rate limits, sign-in throttling (django-axes) and the audit log all call this. Without
    TRUSTED_PROXIES it is the direct peer (REMOTE_ADDR). When the direct peer is one of
    the TRUSTED_PROXIES (CIDRs), X-Forwarded-For is read from the right: each address a
    trusted proxy added is skipped, and the first one not trusted is the client. What a
    client writes into the header itself sits to the left of that and is never believed;
    a header sent by an untrusted peer is ignored altogether.
    """
    if request is None:
        return None
    peer = request.META.get("REMOTE_ADDR") or None
    networks = _trusted_networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    try:
        nearest = ipaddress.ip_address(peer or "")
    except ValueError:
        return peer
    if not networks or not _trusted(nearest, networks):
        return peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        try:
            address = ipaddress.ip_address(hop)
        except ValueError:
            break  # garbage: the nearest address we could read is the best we know
        nearest = address
        if not _trusted(address, networks):
            break
    return str(nearest)


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
    """Append one entry to the audit log for a staff action on a record.

    `actor` is None only for an attempt by someone not signed in (a failed sign-in), and
    `obj` None only when there is no record (a sign-in as an unknown user).
    """
    return AuditLogEntry.objects.create(
        actor=actor,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:300] if obj is not None else "",
        branch=branch if branch is not None else getattr(obj, "branch", None),
        ip_address=client_ip(request),
        user_agent=(request.META.get("HTTP_USER_AGENT", "")[:300] if request else ""),
        details=details or {},
    )


@transaction.atomic
def rule_save(*, rule, actor, request=None, before: dict | None = None) -> None:
    """Save a dated rule (new or changed) and write who did it to the audit log."""
    from .choices import AuditAction

    created = rule.pk is None
    rule.save()
    details = {
        "namespace": rule.namespace,
        "key": rule.key,
        "value": rule.value,
        "valid_from": rule.valid_from.isoformat(),
        "verified": rule.verified,
    }
    if before:
        details["before"] = before
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        obj=rule,
        request=request,
        details=details,
    )


@transaction.atomic
def rule_delete(*, rule, actor, request=None) -> None:
    """Delete a dated rule; the audit log keeps what it said."""
    from .choices import AuditAction

    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        obj=rule,
        request=request,
        details={
            "namespace": rule.namespace,
            "key": rule.key,
            "value": rule.value,
            "valid_from": rule.valid_from.isoformat(),
            "source": rule.source,
        },
    )
    rule.delete()
