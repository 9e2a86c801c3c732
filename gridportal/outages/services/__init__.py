"""Writes of the hotline, one module per concern.

    intake       every channel's outage report: consent, contacts, repeats, limits, roll-up
    rollups      when the roll-up runs: in the request, or coalesced per centre on a worker; the sweep
    predictions  the roll-up applied to the database (predicted incidents and their areas)
    incidents    dispatcher actions on an incident (ACTIONS: the board's table of actions)
    events       the incident event log
    notify       what subscribers are told (delivered by the notifications module)
    callbacks    call-backs and audited access to reporters' contacts
    crews        the crew register and crew assignment
    planned      planned work
    special_needs  the register of customers with special needs (health data, consent)
    undo         a dispatcher's way back from confirm, reject and restore (the undo window)

Callers import from here; the modules import each other only downwards in that list.
"""

from .callbacks import callback_complete, report_contact_reveal
from .crews import crew_create, incident_crew_assign
from .events import event_record
from .incidents import (
    incident_confirm,
    incident_element_move,
    incident_merge,
    incident_reject,
    incident_reports_move,
    incident_restore,
    incident_step_restore,
    incident_update,
)
from .intake import AddressMissing, ReportReceipt, Submission, report_submit, still_out_report
from .notify import local_text, still_out_token
from .planned import (
    planned_outage_cancel,
    planned_outage_complete,
    planned_outage_create,
    planned_outage_reschedule,
    planned_outages_close,
    planned_reminder_days,
    planned_reminders_send,
)
from .predictions import rollup_apply, topology_for_centre
from .rollups import rollup_inline, rollup_request, rollup_run, rollup_sweep
from .special_needs import special_needs_add, special_needs_update, special_needs_withdraw
from .undo import incident_undo, undo_deadline, undo_window

__all__ = [
    "AddressMissing",
    "ReportReceipt",
    "Submission",
    "callback_complete",
    "crew_create",
    "incident_crew_assign",
    "event_record",
    "incident_confirm",
    "incident_element_move",
    "incident_merge",
    "incident_reject",
    "incident_reports_move",
    "incident_restore",
    "incident_step_restore",
    "incident_undo",
    "incident_update",
    "local_text",
    "planned_outage_cancel",
    "planned_outage_complete",
    "planned_outage_create",
    "planned_outage_reschedule",
    "planned_outages_close",
    "planned_reminder_days",
    "planned_reminders_send",
    "report_contact_reveal",
    "report_submit",
    "rollup_apply",
    "rollup_inline",
    "rollup_request",
    "rollup_run",
    "rollup_sweep",
    "special_needs_add",
    "special_needs_update",
    "special_needs_withdraw",
    "still_out_report",
    "still_out_token",
    "topology_for_centre",
    "undo_deadline",
    "undo_window",
]
