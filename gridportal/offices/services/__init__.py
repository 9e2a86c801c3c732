from .booking import (
    BookingNotFound,
    BookingSubmission,
    SlotTaken,
    booking_by_code,
    booking_cancel,
    booking_move,
    booking_submit,
)
from .messages import booking_message_send, bookings_remind
from .queue import (
    booking_arrive,
    booking_no_show,
    visit_call,
    visit_finish,
    visit_start,
    visit_walk_in,
)

__all__ = [
    "BookingNotFound",
    "BookingSubmission",
    "SlotTaken",
    "booking_arrive",
    "booking_by_code",
    "booking_cancel",
    "booking_message_send",
    "booking_move",
    "booking_no_show",
    "booking_submit",
    "bookings_remind",
    "visit_call",
    "visit_finish",
    "visit_start",
    "visit_walk_in",
]
