from django.db import models
from django.utils.translation import gettext_lazy as _


class DistrictKind(models.TextChoices):
    RES = "res", _("Distribution zone (RES)")
    PRODUCTION_UNIT = "pu", _("Production unit")


class AuditAction(models.TextChoices):
    VIEW = "view", _("Viewed")
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
    EXPORT = "export", _("Exported")
    LOGIN = "login", _("Signed in")
    LOGIN_FAILED = "login_failed", _("Failed sign-in")


class CalendarDayKind(models.TextChoices):
    WORKING = "working", _("Working day")
    DAY_OFF = "day_off", _("Day off")
    SHORTENED = "shortened", _("Shortened pre-holiday day")


class RuleUnit(models.TextChoices):
    """The unit a dated rule's value is counted in."""

    HOURS = "hours", _("hours")
    MINUTES = "minutes", _("minutes")
    SECONDS = "seconds", _("seconds")
    DAYS = "days", _("days")
    COUNT = "count", _("count")
    PER_HOUR = "per_hour", _("per hour")
    SHARE = "share", _("share of 1")
    FACTOR = "factor", _("factor")
    MVA = "mva", _("MVA")
    KW = "kw", _("kW")
