from django.db import models
from django.utils.translation import gettext_lazy as _


class CapacityStatus(models.TextChoices):
    """Whether a power centre is open for new connections."""

    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Constraint(models.TextChoices):
    """What limits the free capacity of a power centre."""

    N1_LIMIT = "n1_limit", _("N-1 transformer limit")
    NO_RESERVE_TRANSFORMER = "no_reserve", _("No reserve transformer")
    COMMITTED = "committed", _("Committed capacity")
    OVERLOADED = "overloaded", _("Overloaded")
    NO_DATA = "no_data", _("No measurement")


class CommitmentKind(models.TextChoices):
    """The document under which capacity is promised to an applicant."""

    CONTRACT = "contract", _("Connection contract")
    TECHNICAL_CONDITIONS = "tu", _("Technical conditions")


class SnapshotStatus(models.TextChoices):
    """A quarterly disclosure: being prepared or published."""

    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Season(models.TextChoices):
    """Control measurement day: third Wednesday of June (summer) or December (winter)."""

    SUMMER = "summer", _("Summer")
    WINTER = "winter", _("Winter")
    OTHER = "other", _("Other day")


class ImportKind(models.TextChoices):
    """What a file uploaded at the console brings in."""

    MEASUREMENTS = "measurements", _("Control measurements")
    COMMITMENTS = "commitments", _("Committed capacity")


class ImportStatus(models.TextChoices):
    """Where an uploaded file is: waiting, being read, imported or refused."""

    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Refused")
