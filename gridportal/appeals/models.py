from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gridportal.accounts.models import ConsentRecord
from gridportal.core.models import Branch, District
from gridportal.grid.models import ServiceAddress

from .choices import (
    AnswerChannel,
    AppealType,
    Channel,
    ComplaintSubject,
    EventKind,
    Justified,
    Status,
    Topic,
)


class AppealSequence(models.Model):
    """The last registration number given in a year (one row per year, locked to count on)."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("registration number sequence")
        verbose_name_plural = _("registration number sequences")

    def __str__(self):
        return f"{self.year}: {self.last}"


class Appeal(models.Model):
    """An appeal (question, complaint, proposal, gratitude, service request) and its answer."""

    branch_path = "branch"

    number = models.CharField(_("registration number"), max_length=20, unique=True)
    code_hash = models.CharField(max_length=64, editable=False)
    registered_at = models.DateTimeField(_("registered"), default=timezone.now, db_index=True)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    appeal_type = models.CharField(_("type"), max_length=16, choices=AppealType.choices)
    topic = models.CharField(_("topic"), max_length=16, choices=Topic.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.REGISTERED
    )
    branch = models.ForeignKey(Branch, on_delete=models.PROTECT, verbose_name=_("branch"))
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("district")
    )
    address = models.ForeignKey(
        ServiceAddress,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appeals",
        verbose_name=_("address"),
    )
    text = models.TextField(_("text of the appeal"))

    # The person (empty for an anonymous appeal).
    anonymous = models.BooleanField(_("anonymous"), default=False)
    name = models.CharField(_("name"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    postal_address = models.CharField(_("postal address"), max_length=400, blank=True)
    contact_key = models.CharField(max_length=160, blank=True, db_index=True, editable=False)
    answer_channel = models.CharField(
        _("answer by"), max_length=8, choices=AnswerChannel.choices, blank=True
    )
    language = models.CharField(max_length=8, default="ru")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="appeals",
        verbose_name=_("customer account"),
    )
    consent = models.ForeignKey(ConsentRecord, on_delete=models.PROTECT, null=True, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )

    # Complaints about reliability and quality of supply (ПП 442 as amended by ПП 55).
    contract_number = models.CharField(_("contract number"), max_length=64, blank=True)
    device_address = models.CharField(_("address of the device"), max_length=400, blank=True)
    problem_started_at = models.DateTimeField(_("when the problem happened"), null=True, blank=True)
    demand = models.TextField(_("what the person demands"), blank=True)

    # The clock (see deadlines.py).
    clock_started_on = models.DateField(_("clock started"))
    due_on = models.DateField(_("answer due"), db_index=True)
    extension_days = models.PositiveSmallIntegerField(_("extended by (days)"), default=0)
    pauses = models.JSONField(default=list, blank=True)  # [[started, ended|null], …] ISO dates
    callback_due_at = models.DateTimeField(_("call back by"), null=True, blank=True)
    reminders_sent = models.JSONField(default=list, blank=True, editable=False)

    # Handling.
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_appeals",
        verbose_name=_("assignee"),
    )
    redirected_to = models.CharField(_("sent to"), max_length=300, blank=True)
    outage_report_ref = models.PositiveIntegerField(
        _("urgent outage report"), null=True, blank=True
    )
    justified = models.CharField(
        _("complaint justified"), max_length=12, choices=Justified.choices, blank=True
    )
    subject = models.CharField(
        _("subject"), max_length=12, choices=ComplaintSubject.choices, blank=True
    )

    # The answer and what the person made of it.
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    reopen_count = models.PositiveSmallIntegerField(_("reopened"), default=0)

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        ordering = ["-registered_at", "-id"]
        indexes = [models.Index(fields=["branch", "status", "due_on"], name="appeal_queue")]

    def __str__(self):
        return self.number

    @property
    def waiting(self) -> bool:
        return self.status == Status.WAITING

    @property
    def is_complaint(self) -> bool:
        return self.appeal_type == AppealType.COMPLAINT

    @property
    def can_be_answered(self) -> bool:
        return not self.anonymous and bool(self.email or self.phone or self.postal_address)


class AppealEvent(models.Model):
    """One step in an appeal's history: what, who and when; public kinds are shown to the person."""

    branch_path = "appeal__branch"

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("by"),
    )
    kind = models.CharField(_("what"), max_length=20, choices=EventKind.choices)
    public = models.BooleanField(pgettext_lazy("appeals", "public"), default=True)
    text = models.TextField(_("text"), blank=True)  # what a person wrote: a reason, a note
    details = models.JSONField(_("data"), default=dict, blank=True)

    class Meta:
        verbose_name = _("appeal event")
        verbose_name_plural = _("appeal events")
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()}"

    @property
    def display_text(self) -> str:
        """The detail in the reader's language, from the stored values (see outages' events)."""
        from .events import event_text

        return event_text(self)


class AppealAttachment(models.Model):
    """A file attached to an appeal by the person or to the answer by the company."""

    branch_path = "appeal__branch"

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="attachments")
    event = models.ForeignKey(
        AppealEvent, on_delete=models.SET_NULL, null=True, blank=True, related_name="attachments"
    )
    stored_name = models.CharField(max_length=200, editable=False)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size"))
    from_company = models.BooleanField(_("from the company"), default=False)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.original_name


class AnswerTemplate(models.Model):
    """A reply text staff start an answer from (company-wide, edited in admin)."""

    title = models.CharField(_("title"), max_length=200)
    topic = models.CharField(_("topic"), max_length=16, choices=Topic.choices, blank=True)
    body = models.TextField(_("text"))

    class Meta:
        verbose_name = _("answer template")
        verbose_name_plural = _("answer templates")
        ordering = ["title"]

    def __str__(self):
        return self.title
