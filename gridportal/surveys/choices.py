from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class QuestionKind(models.TextChoices):
    CSAT = "csat", _("Rating 1–5")
    NPS = "nps", _("Recommendation 0–10")
    SINGLE = "single", _("One choice")
    MULTIPLE = "multiple", _("Several choices")
    YES_NO = "yes_no", _("Yes or no")
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", pgettext_lazy("surveys", "Published")
    RETIRED = "retired", _("Replaced by a newer version")


class ResponseChannel(models.TextChoices):
    ONLINE = "online", _("On the website")
    INVITATION = "invitation", _("Invitation after a service")
    KIOSK = "kiosk", _("Tablet in an office")
    PAPER = "paper", _("Paper form")


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("To do")
    DONE = "done", _("Done")
