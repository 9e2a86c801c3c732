from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """How a subscriber is reached."""

    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")


class SubscriptionStatus(models.TextChoices):
    """Double opt-in: pending until the contact is confirmed; unsubscribed is final until re-subscribed."""

    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


class DeliveryStatus(models.TextChoices):
    """Where one message to one subscriber stands."""

    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Skipped")


class Language(models.TextChoices):
    """Languages messages are written in."""

    RU = "ru", _("Russian")
    EN = "en", _("English")
