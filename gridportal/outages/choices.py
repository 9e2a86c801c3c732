from django.db import models
from django.utils.translation import gettext_lazy as _


class Problem(models.TextChoices):
    """What a customer says is wrong."""

    NO_POWER = "no_power", _("No power at all")
    PARTIAL = "partial", _("Partial: some sockets or one phase")
    LOW_VOLTAGE = "low_voltage", _("Low or unstable voltage")
    HAZARD = "hazard", _("Broken wire, sparking or other danger")


class Channel(models.TextChoices):
    WEB = "web", _("website")
    PHONE = "phone", _("phone call")
    API = "api", _("API")
    CALLBACK = "callback", _("«still without power» link")
    OPEN311 = "open311", _("Open311")


class UnassignedReason(models.TextChoices):
    NOT_ON_NETWORK = "not_on_network", _("The address is not linked to a substation")
    BELOW_THRESHOLD = "below_threshold", _("Waiting for more reports from this substation")
    DETACHED = "detached", _("Moved out of an incident by a dispatcher")
    CLOSED = "closed", _("The prediction was rejected")


class CallbackStatus(models.TextChoices):
    NONE = "", _("not needed")
    PENDING = "pending", _("waiting for a call back")
    DONE = "done", _("called back")


class Level(models.TextChoices):
    """The network element an incident sits on, lowest first."""

    SUBSTATION = "substation", _("substation")
    FEEDER = "feeder", _("feeder")
    POWER_CENTRE = "power_centre", _("power centre")


LEVEL_ORDER = {Level.SUBSTATION: 0, Level.FEEDER: 1, Level.POWER_CENTRE: 2}


class IncidentStatus(models.TextChoices):
    PREDICTED = "predicted", _("predicted from reports")
    CONFIRMED = "confirmed", _("confirmed")
    RESTORED = "restored", _("power restored")
    REJECTED = "rejected", _("rejected")
    MERGED = "merged", _("merged into another incident")


ACTIVE_STATUSES = (IncidentStatus.PREDICTED, IncidentStatus.CONFIRMED)


class Cause(models.TextChoices):
    UNKNOWN = "unknown", _("Cause being established")
    WEATHER = "weather", _("Bad weather: wind, ice, storm")
    TREE = "tree", _("A tree fell on the line")
    EQUIPMENT = "equipment", _("Equipment failure")
    OVERLOAD = "overload", _("Network overload")
    THIRD_PARTY = "third_party", _("Damage by third parties (excavation, vehicles)")
    UPSTREAM = "upstream", _("Outage in the higher-voltage network")
    ANIMAL = "animal", _("Animal contact")
    SAFETY = "safety", _("Disconnected for safety")


class CrewStatus(models.TextChoices):
    NOT_ASSIGNED = "not_assigned", _("No crew assigned yet")
    DISPATCHED = "dispatched", _("Crew on the way")
    ON_SITE = "on_site", _("Crew on site")
    REPAIRING = "repairing", _("Repairs under way")
    TESTING = "testing", _("Switching and testing")


class EventKind(models.TextChoices):
    PREDICTED = "predicted", _("Predicted from customer reports")
    MOVED_UP = "moved_up", _("Prediction moved up the network")
    CONFIRMED = "confirmed", _("Confirmed by the dispatcher")
    REJECTED = "rejected", _("Rejected by the dispatcher")
    MERGED = "merged", _("Merged")
    REPORTS_MOVED = "reports_moved", _("Reports moved")
    ELEMENT_MOVED = "element_moved", _("Moved to another network element")
    CAUSE = "cause", _("Cause set")
    ETR = "etr", _("Estimated restoration time set")
    CREW = "crew", _("Crew status changed")
    MESSAGE = "message", _("Public message changed")
    STEP_RESTORED = "step_restored", _("Part of the area restored")
    RESTORED = "restored", _("Power restored")
    ABSORBED = "absorbed", _("Report added")
    UNDONE = "undone", _("Undone by the dispatcher")


PUBLIC_EVENTS = (
    EventKind.CONFIRMED,
    EventKind.CAUSE,
    EventKind.ETR,
    EventKind.CREW,
    EventKind.MESSAGE,
    EventKind.STEP_RESTORED,
    EventKind.RESTORED,
)


class FacilityKind(models.TextChoices):
    HOSPITAL = "hospital", _("Hospital or clinic")
    BOILER = "boiler", _("Boiler house")
    WATER = "water", _("Water pumping or treatment")
    SOCIAL = "social", _("Social institution (school, kindergarten, care home)")
    OTHER = "other", _("Other critical facility")


class PlannedStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    CANCELLED = "cancelled", _("cancelled")
    DONE = "done", _("done")


class RuleKey(models.TextChoices):
    """Every number the hotline depends on; values are dated, sourced rows."""

    CALLBACK_HOURS = "callback_hours", _("Hours to answer a call not answered at once")
    SUBSTATION_MIN_REPORTS = (
        "substation_min_reports",
        _("Reports needed to predict a substation outage"),
    )
    FEEDER_MIN_SUBSTATIONS = (
        "feeder_min_substations",
        _("Substations reporting to move a prediction up to the feeder"),
    )
    FEEDER_SUBSTATION_SHARE = (
        "feeder_substation_share",
        _("Share of a feeder's substations reporting to move up to the feeder"),
    )
    CENTRE_MIN_FEEDERS = (
        "centre_min_feeders",
        _("Feeders reporting to move a prediction up to the power centre"),
    )
    CENTRE_FEEDER_SHARE = (
        "centre_feeder_share",
        _("Share of a power centre's feeders reporting to move up to it"),
    )
    ROLLUP_WINDOW_MINUTES = (
        "rollup_window_minutes",
        _("Minutes within which reports are grouped together"),
    )
    DUPLICATE_WINDOW_MINUTES = (
        "duplicate_window_minutes",
        _("Minutes within which a repeated report is the same report"),
    )
    LIMIT_PER_IP_HOUR = "limit_per_ip_hour", _("Reports per IP address per hour")
    LIMIT_PER_PHONE_HOUR = "limit_per_phone_hour", _("Reports per phone or e-mail per hour")
    LIMIT_PER_ADDRESS_HOUR = "limit_per_address_hour", _("Reports per address per hour")
    ETR_TOLERANCE_MINUTES = (
        "etr_tolerance_minutes",
        _("Minutes after the estimate still counted as met"),
    )
    PLANNED_NOTICE_DAYS = (
        "planned_notice_days",
        _("Days before planned work when the first reminder goes out"),
    )
    ETR_HORIZON_SHORT_MINUTES = (
        "etr_horizon_short_minutes",
        _("Minutes after the start at which the estimate in force is measured (first horizon)"),
    )
    ETR_HORIZON_LONG_MINUTES = (
        "etr_horizon_long_minutes",
        _("Minutes after the start at which the estimate in force is measured (second horizon)"),
    )
    UNDO_MINUTES = (
        "undo_minutes",
        _("Minutes in which a dispatcher can undo a confirmation, rejection or restoration"),
    )


class Open311ServiceCode(models.TextChoices):
    """The hotline's Open311 services: outage reports and hazards on the network."""

    NO_POWER = "no_power", _("No power")
    PARTIAL_POWER = "partial_power", _("Partial power")
    VOLTAGE = "voltage", _("Low or unstable voltage")
    HAZARD_WIRE = "hazard_wire", _("Broken wire or sparking")
    HAZARD_POLE = "hazard_pole", _("Leaning or damaged pole")
    HAZARD_CABINET = "hazard_cabinet", _("Open cabinet or substation door")
    HAZARD_TREE = "hazard_tree", _("Tree on a power line")


class SpecialNeed(models.TextChoices):
    MEDICAL_EQUIPMENT = "medical", _("Depends on electrically powered medical equipment")
    MOBILITY = "mobility", _("Limited mobility (cannot leave the home without a lift)")
    OTHER = "other", _("Other special need")
