from .answer import intention_answer
from .intake import IntentionReceipt, IntentionSubmission, intention_submit, point_branch
from .leads import intention_contact_view, intention_handle

__all__ = [
    "IntentionReceipt",
    "IntentionSubmission",
    "intention_answer",
    "intention_contact_view",
    "intention_handle",
    "intention_submit",
    "point_branch",
]
