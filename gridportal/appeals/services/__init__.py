"""Writes of the appeals desk: intake, staff steps, the person's steps, reminders."""

from .attachments import ATTACHMENT_KINDS, attachments_store
from .clock import due_for, redirect_by, state_of
from .handling import (
    appeal_answer,
    appeal_assign,
    appeal_extend,
    appeal_info_add,
    appeal_info_request,
    appeal_note_add,
    appeal_redirect_branch,
    appeal_redirect_outside,
)
from .intake import AppealReceipt, Submission, appeal_submit
from .numbering import code_matches, number_normalize
from .person import appeal_rate, appeal_reopen, reopen_deadline

__all__ = [
    "ATTACHMENT_KINDS",
    "AppealReceipt",
    "Submission",
    "appeal_answer",
    "appeal_assign",
    "appeal_extend",
    "appeal_info_add",
    "appeal_info_request",
    "appeal_note_add",
    "appeal_rate",
    "appeal_redirect_branch",
    "appeal_redirect_outside",
    "appeal_reopen",
    "appeal_submit",
    "attachments_store",
    "code_matches",
    "due_for",
    "number_normalize",
    "redirect_by",
    "reopen_deadline",
    "state_of",
]
