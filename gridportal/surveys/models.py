"""Questionnaires, their fixed versions, people's answers, invitations and follow-ups."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gridportal.core.models import TimeStampedModel, bilingual

from .choices import FollowUpStatus, QuestionKind, ResponseChannel, VersionStatus


class Survey(TimeStampedModel):
    """A questionnaire the company runs (its wording lives in versions)."""

    slug = models.SlugField(_("link name"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    intro = models.TextField(_("introduction"), blank=True)
    intro_en = models.TextField(_("introduction in English"), blank=True)
    is_public = models.BooleanField(
        _("listed on the site"), default=True, help_text=_("Shown on /surveys/ for anyone.")
    )
    event_kinds = models.JSONField(_("sent after these service events"), default=list, blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        return bilingual(self.title, self.title_en)

    @property
    def display_intro(self) -> str:
        return bilingual(self.intro, self.intro_en)

    def published_version(self):
        return self.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()

    def draft_version(self):
        return self.versions.filter(status=VersionStatus.DRAFT).order_by("-number").first()


class SurveyVersion(models.Model):
    """One fixed wording of a questionnaire; every answer keeps the version it was given to."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=12, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["survey", "number"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "number"], name="survey_version_unique"),
        ]

    def __str__(self):
        return f"{self.survey.slug} v{self.number}"


class Question(models.Model):
    """One question of a version, optionally shown only when an earlier answer matches."""

    version = models.ForeignKey(SurveyVersion, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(_("position"))
    key = models.SlugField(_("code"), max_length=40)
    kind = models.CharField(_("kind"), max_length=12, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=300)
    text_en = models.CharField(_("question in English"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=True)
    condition_key = models.SlugField(_("show only if question"), max_length=40, blank=True)
    condition_value = models.CharField(_("has the answer"), max_length=60, blank=True)

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="survey_question_key_unique"),
        ]

    def __str__(self):
        return self.display_text

    @property
    def display_text(self) -> str:
        return bilingual(self.text, self.text_en)


class Choice(models.Model):
    """One answer option of a choice question."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveIntegerField()
    value = models.SlugField(max_length=40)
    label = models.CharField(_("option"), max_length=200)
    label_en = models.CharField(_("option in English"), max_length=200, blank=True)

    class Meta:
        ordering = ["question", "position"]

    def __str__(self):
        return self.display_label

    @property
    def display_label(self) -> str:
        return bilingual(self.label, self.label_en)


class Invitation(models.Model):
    """A one-use link to a questionnaire sent to a person after a service event."""

    branch_path = "branch"

    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="invitations")
    token_digest = models.CharField(max_length=64, unique=True)
    contact = models.CharField(_("contact"), max_length=254, blank=True)
    contact_key = models.CharField(max_length=64, db_index=True)
    event_kind = models.CharField(_("event"), max_length=40)
    record_type = models.ForeignKey(ContentType, null=True, on_delete=models.SET_NULL)
    record_id = models.PositiveBigIntegerField(null=True)
    record = GenericForeignKey("record_type", "record_id")
    record_label = models.CharField(_("record"), max_length=200, blank=True)
    record_url = models.CharField(max_length=300, blank=True)
    branch = models.ForeignKey("core.Branch", null=True, blank=True, on_delete=models.PROTECT)
    language = models.CharField(max_length=8, default="ru")
    created_at = models.DateTimeField(default=timezone.now)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.survey.slug} · {self.event_kind} · {self.created_at:%Y-%m-%d}"


class Response(models.Model):
    """One person's completed questionnaire, from one channel."""

    branch_path = "branch"

    version = models.ForeignKey(SurveyVersion, on_delete=models.PROTECT, related_name="responses")
    client_id = models.UUIDField(_("answer id"), unique=True)
    channel = models.CharField(_("channel"), max_length=12, choices=ResponseChannel.choices)
    branch = models.ForeignKey(
        "core.Branch", null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("branch")
    )
    district = models.ForeignKey(
        "core.District", null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("district")
    )
    office = models.CharField(_("office"), max_length=120, blank=True)
    language = models.CharField(max_length=8, default="ru")
    answered_at = models.DateTimeField(
        pgettext_lazy("surveys", "answered"), default=timezone.now, db_index=True
    )
    received_at = models.DateTimeField(default=timezone.now)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    invitation = models.OneToOneField(
        Invitation, null=True, blank=True, on_delete=models.SET_NULL, related_name="response"
    )

    class Meta:
        ordering = ["-answered_at"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self):
        return f"{self.version} · {self.answered_at:%Y-%m-%d}"


class Answer(models.Model):
    """The answer to one question within a response."""

    branch_path = "response__branch"

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    number = models.SmallIntegerField(null=True, blank=True)
    choices = models.JSONField(default=list, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="survey_answer_unique"),
        ]

    def __str__(self):
        return f"{self.response_id} · {self.question_id}"


class InvitationOptOut(models.Model):
    """A person who asked not to be invited to questionnaires again (by contact digest)."""

    contact_key = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return self.contact_key[:12]


class FollowUp(models.Model):
    """A low score after a service: the branch looks into the case behind it."""

    branch_path = "branch"

    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="follow_up")
    branch = models.ForeignKey("core.Branch", null=True, blank=True, on_delete=models.PROTECT)
    reason = models.CharField(_("reason"), max_length=200)
    status = models.CharField(
        _("status"), max_length=8, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )
    note = models.TextField(_("what was done"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["status", "-created_at"]

    def __str__(self):
        return self.reason
