from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    """Where an interruption record came from."""

    PORTAL = "portal", _("dispatcher board")
    IMPORT = "import", _("imported file")


class Cause(models.TextChoices):
    """Why the power went off (the hotline's causes, plus planned work)."""

    UNKNOWN = "unknown", _("Cause not established")
    WEATHER = "weather", _("Bad weather: wind, ice, storm")
    TREE = "tree", _("A tree fell on the line")
    EQUIPMENT = "equipment", _("Equipment failure")
    OVERLOAD = "overload", _("Network overload")
    THIRD_PARTY = "third_party", _("Damage by third parties (excavation, vehicles)")
    UPSTREAM = "upstream", _("Outage in the higher-voltage network")
    ANIMAL = "animal", _("Animal contact")
    SAFETY = "safety", _("Disconnected for safety")
    MAINTENANCE = "maintenance", _("Planned maintenance")


class VoltageLevel(models.TextChoices):
    """Voltage levels of the Russian indicators since 2024 (Приказ Минэнерго № 399)."""

    NN = "NN", _("LV (НН, below 1 kV)")
    SN2 = "SN2", _("MV2 (СН2, 1–20 kV)")
    SN1 = "SN1", _("MV1 (СН1, 27.5–60 kV)")
    VN = "VN", _("HV (ВН, 110 kV and above)")


class AreaKind(models.TextChoices):
    """What the indices are computed for."""

    COMPANY = "company", _("company")
    BRANCH = "branch", _("branch")
    DISTRICT = "district", _("district")
    POWER_CENTRE = "power_centre", _("power centre")
    FEEDER = "feeder", _("feeder")


class RuleKey(models.TextChoices):
    """Every number the reliability figures depend on; values are dated, sourced rows."""

    MOMENTARY_MAX_MINUTES = (
        "momentary_max_minutes",
        _("Longest interruption still counted as momentary"),
    )
    MED_BETA = "med_beta", _("Factor of β in the major event day threshold")
    MED_HISTORY_YEARS = "med_history_years", _("Years of history for the major event day threshold")
    P_MIN_MINUTES = (
        "p_min_minutes",
        _("Interruptions counted in Пsaidi/Пsaifi last longer than"),
    )
    P_COUNT_PLANNED = "p_count_planned", _("Planned interruptions count in Пsaidi/Пsaifi (1 = yes)")
    P_PER_LEVEL = "p_per_level", _("Пsaidi/Пsaifi are computed per voltage level (1 = yes)")
    LIMIT_SINGLE_HOURS = (
        "limit_single_hours",
        _("Permitted interruption at a time, category III"),
    )
    LIMIT_YEAR_HOURS = "limit_year_hours", _("Permitted interruptions in a year, category III")
