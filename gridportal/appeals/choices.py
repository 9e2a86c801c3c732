"""Every kind and status of an appeal, as TextChoices (no bare strings elsewhere)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AppealType(models.TextChoices):
    QUESTION = "question", _("Question")
    COMPLAINT = "complaint", _("Complaint")
    PROPOSAL = "proposal", _("Proposal")
    GRATITUDE = "gratitude", _("Gratitude")
    SERVICE_REQUEST = "service_request", _("Request for a service")


class Topic(models.TextChoices):
    CONNECTION = "connection", _("Connection to the grid")
    INTERRUPTIONS = "interruptions", _("Interruptions of supply")
    POWER_QUALITY = "power_quality", _("Power quality (voltage)")
    METERING = "metering", _("Metering")
    BILLING = "billing", _("Bills and payments")
    OFFICE_SERVICE = "office_service", _("Service in an office")
    SAFETY_HAZARD = "safety_hazard", _("Safety hazard (broken wire, open cabinet)")
    OTHER = "other", _("Other")


class Channel(models.TextChoices):
    """The service channels of the yearly quality report (Приказ Минэнерго № 186, прил. 7)."""

    WEB = "web", _("Internet")
    PHONE = "phone", _("Phone")
    OFFICE = "office", _("Office (in person)")
    POST = "post", _("Post")
    OTHER = "other", _("Other")


class AnswerChannel(models.TextChoices):
    EMAIL = "email", _("By e-mail")
    POST = "post", _("By post")
    PHONE = "phone", _("By phone")
    ACCOUNT = "account", _("In my account on the portal")


class Status(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    IN_PROGRESS = "in_progress", _("Being considered")
    WAITING = "waiting", _("Waiting for information from you")
    REDIRECTED = "redirected", _("Sent to the body responsible")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", pgettext_lazy("appeals", "Closed")


OPEN_STATUSES = (Status.REGISTERED, Status.IN_PROGRESS, Status.WAITING)
ANSWERED_STATUSES = (Status.ANSWERED, Status.CLOSED, Status.REDIRECTED)


class ComplaintSubject(models.TextChoices):
    """The subject of a complaint in the reliability indicators (Приказ Минэнерго № 1256)."""

    NONE = "", _("not set")
    CONNECTION = "connection", _("Technological connection")
    TRANSMISSION = "transmission", _("Transmission of electricity")
    OTHER = "other", _("Other")


class Justified(models.TextChoices):
    UNKNOWN = "", _("not assessed")
    JUSTIFIED = "justified", _("justified")
    UNJUSTIFIED = "unjustified", _("not justified")


class EventKind(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    ASSIGNED = "assigned", _("Assigned")
    NOTE = "note", _("Internal note")
    INFO_REQUESTED = "info_requested", _("More information requested")
    INFO_ADDED = "info_added", _("Information added by the person")
    EXTENDED = "extended", _("Deadline extended")
    REDIRECTED_BRANCH = "redirected_branch", _("Passed to another branch")
    REDIRECTED_OUTSIDE = "redirected_outside", _("Sent to another body")
    ANSWERED = "answered", _("Answered")
    RATED = "rated", _("Answer rated")
    REOPENED = "reopened", _("Reopened")
    HAZARD_REPORTED = "hazard_reported", _("Passed to the dispatchers as an urgent report")
    REMINDER = "reminder", _("Reminder sent")


# Events the person sees in the history (notes and reminders are internal).
PUBLIC_EVENTS = (
    EventKind.REGISTERED,
    EventKind.INFO_REQUESTED,
    EventKind.INFO_ADDED,
    EventKind.EXTENDED,
    EventKind.REDIRECTED_BRANCH,
    EventKind.REDIRECTED_OUTSIDE,
    EventKind.ANSWERED,
    EventKind.RATED,
    EventKind.REOPENED,
    EventKind.HAZARD_REPORTED,
)


class ClockState(models.TextChoices):
    ON_TIME = "on_time", _("on time")
    DUE_SOON = "due_soon", _("due soon")
    OVERDUE = "overdue", _("overdue")
    PAUSED = "paused", _("clock paused")
    STOPPED = "stopped", _("answered")


class RuleKey(models.TextChoices):
    ANSWER_DAYS = "answer_days", _("Days to answer an appeal on the merits, from registration")
    EXTENSION_MAX_DAYS = "extension_max_days", _("Longest single extension of the answer deadline")
    CALLBACK_HOURS = "callback_hours", _("Hours to call back a phone question not answered at once")
    REDIRECT_DAYS = "redirect_days", _("Days to send an appeal outside our competence on")
    DUE_SOON_DAYS = "due_soon_days", _("Days before the due date an appeal counts as due soon")
    REOPEN_DAYS = "reopen_days", _("Days after the answer the person may reopen the appeal")
    LIMIT_PER_IP_HOUR = "limit_per_ip_hour", _("Appeals per hour from one network address")
    LIMIT_PER_CONTACT_DAY = "limit_per_contact_day", _("Appeals per day from one contact")
    TRACK_PER_IP_HOUR = (
        "track_per_ip_hour",
        _("Tracking look-ups per hour from one network address"),
    )
    MAX_ATTACHMENTS = "max_attachments", _("Files a person may attach to an appeal")
