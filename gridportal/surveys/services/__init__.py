"""Writes of the surveys app; callers import from here."""

from .invitations import invitation_for_event, invitation_opt_out, on_service_event
from .questionnaires import (
    question_add,
    question_remove,
    survey_create,
    version_draft_from,
    version_publish,
)
from .responses import (
    AnswersInvalid,
    ResponseSubmission,
    answer_value,
    answers_of,
    followup_close,
    response_submit,
    token_digest,
    version_definition,
)

__all__ = [
    "AnswersInvalid",
    "ResponseSubmission",
    "answer_value",
    "answers_of",
    "followup_close",
    "invitation_for_event",
    "invitation_opt_out",
    "on_service_event",
    "question_add",
    "question_remove",
    "response_submit",
    "survey_create",
    "token_digest",
    "version_definition",
    "version_draft_from",
    "version_publish",
]
