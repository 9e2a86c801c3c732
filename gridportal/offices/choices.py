from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ServiceKind(models.TextChoices):
    """What a person can come to a service centre for."""

    CONNECTION = "connection", _("Grid connection")
    METERING = "metering", _("Metering and meters")
    CONTRACTS = "contracts", _("Contracts")
    APPEALS = "appeals", _("Appeals and complaints")
    PAYMENTS = "payments", _("Payment questions")
    DOCUMENTS = "documents", _("Documents and certificates")
    CONSULTATION = "consultation", _("Consultation")


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", _("Cancelled")
    ARRIVED = "arrived", _("Arrived")
    NO_SHOW = "no_show", _("Did not come")


class VisitKind(models.TextChoices):
    BOOKED = "booked", _("Booked")
    WALK_IN = "walk_in", _("Walk-in")


class VisitStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    CALLED = "called", _("Called to a desk")
    SERVING = "serving", _("Being served")
    SERVED = "served", _("Served")
    LEFT = "left", _("Left without service")


class ExceptionKind(models.TextChoices):
    CLOSED = "closed", pgettext_lazy("offices", "Closed")
    HOURS = "hours", _("Other hours")


class RuleKey(models.TextChoices):
    WAIT_MINUTES = "wait_minutes", _("Longest acceptable wait in the office")
    BOOKINGS_PER_DAY = "bookings_per_day", _("Bookings per person per day")
    BOOKING_HORIZON_DAYS = "booking_horizon_days", _("How far ahead a visit can be booked")
    SUBMITS_PER_HOUR = "submits_per_hour", _("Booking attempts per address per hour")


RUSSIAN_TIME_ZONES = [
    ("Europe/Kaliningrad", _("Kaliningrad (UTC+2)")),
    ("Europe/Moscow", _("Moscow (UTC+3)")),
    ("Europe/Samara", _("Samara (UTC+4)")),
    ("Asia/Yekaterinburg", _("Yekaterinburg (UTC+5)")),
    ("Asia/Omsk", _("Omsk (UTC+6)")),
    ("Asia/Novosibirsk", _("Novosibirsk (UTC+7)")),
    ("Asia/Krasnoyarsk", _("Krasnoyarsk (UTC+7)")),
    ("Asia/Irkutsk", _("Irkutsk (UTC+8)")),
    ("Asia/Yakutsk", _("Yakutsk (UTC+9)")),
    ("Asia/Vladivostok", _("Vladivostok (UTC+10)")),
    ("Asia/Magadan", _("Magadan (UTC+11)")),
    ("Asia/Kamchatka", _("Petropavlovsk-Kamchatsky (UTC+12)")),
]
