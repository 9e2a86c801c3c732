from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestStatus(models.TextChoices):
    """The two statuses GeoReport v2 knows."""

    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")
