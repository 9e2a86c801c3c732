"""Service events: how a capability announces that something happened to a person's case.

A capability sends `service_event` after its transaction commits (use
`transaction.on_commit`) when a case reaches a point another capability may act on —
an appeal closed, an office visit served, a connection completed, power restored at a
subscribed address, a quarter's publication made. Listeners (surveys send an invitation,
the disclosure calendar marks an item published) connect in their `AppConfig.ready()`.
The sender never imports the listener and the listener never imports the sender: both
know only this signal, which is why it lives in core (docs/decisions/0015).

Arguments, all keyword:
- `kind`: a `ServiceEventKind` value (below); new kinds are added here;
- `record`: the model instance the event is about (the appeal, the visit, …);
- `branch_id`: the branch it belongs to, or None;
- `contact`: the person's normalised e-mail or phone, or "" when there is none;
- `language`: the person's language code ("ru" or "en");
- `details`: a small JSON-able dict of anything else (a period, an item code).
"""

from django.db import models
from django.dispatch import Signal

service_event = Signal()


class ServiceEventKind(models.TextChoices):
    APPEAL_CLOSED = "appeal_closed", "appeal closed"
    OFFICE_VISIT_SERVED = "office_visit_served", "office visit served"
    CONNECTION_COMPLETED = "connection_completed", "connection completed"
    POWER_RESTORED = "power_restored", "power restored at a subscribed address"
    PUBLICATION_MADE = "publication_made", "a disclosure item published for a period"


def service_event_send(*, kind, record, branch_id=None, contact="", language="ru", details=None):
    """Send a service event; listeners' failures are logged, never raised into the sender."""
    import logging

    results = service_event.send_robust(
        sender=type(record),
        kind=str(kind),
        record=record,
        branch_id=branch_id,
        contact=contact,
        language=language,
        details=details or {},
    )
    for receiver, outcome in results:
        if isinstance(outcome, Exception):
            logging.getLogger(__name__).error(
                "service event %s: listener %r failed", kind, receiver, exc_info=outcome
            )
    return results
