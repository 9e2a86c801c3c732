from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class TariffKind(models.TextChoices):
    """How a household tariff prices the hours of the day (ФАС: одноставочный, зонные)."""

    SINGLE = "single", _("Single-rate")
    TWO_ZONE = "two_zone", _("Two-zone: day and night")
    THREE_ZONE = "three_zone", _("Three-zone: peak, half-peak and night")


class Zone(models.TextChoices):
    """A zone of the day a rate applies to; a single-rate tariff has only «all day»."""

    ALL_DAY = "all_day", _("All day")
    DAY = "day", _("Day")
    PEAK = "peak", _("Peak")
    HALF_PEAK = "half_peak", _("Half-peak")
    NIGHT = "night", _("Night")


class Half(models.IntegerChoices):
    """Russian household tariffs change on 1 July: two halves of a year."""

    FIRST = 1, _("January – June")
    SECOND = 2, _("July – December")


class UseProfile(models.TextChoices):
    """When in the day an appliance is usually on: how its hours split over the zones."""

    CONTINUOUS = "continuous", _("Around the clock")
    EVENING = "evening", _("In the evening, 17:00–23:00")
    DAYTIME = "daytime", _("In the daytime, 10:00–17:00")
    MORNING_EVENING = "morning_evening", _("Mornings and evenings, 7:00–9:00 and 18:00–22:00")
    NIGHT = "night", _("At night, 23:00–7:00")


class ApplianceCategory(models.TextChoices):
    LIGHTING = "lighting", _("Lighting")
    KITCHEN = "kitchen", _("Kitchen")
    COLD = "cold", _("Refrigerators and freezers")
    LAUNDRY = "laundry", _("Washing and cleaning")
    CLIMATE = "climate", _("Heating, cooling and water")
    ENTERTAINMENT = "entertainment", _("TV, computers and phones")
    OTHER = "other", _("Other")


class EfficiencyClass(models.TextChoices):
    NONE = "", _("not labelled")
    A3 = "A+++", "A+++"
    A2 = "A++", "A++"
    A1 = "A+", "A+"
    A = "A", "A"
    B = "B", "B"
    C = "C", "C"
    D = "D", "D"


class AgeGroup(models.TextChoices):
    YOUNGER = "6-9", _("Ages 6–9")
    OLDER = "10-14", _("Ages 10–14")


class Topic(models.TextChoices):
    HOME = "home", _("At home")
    OUTSIDE = "outside", _("Outside: lines and substations")
    FALLEN_WIRE = "fallen_wire", _("A fallen wire and step voltage")
    WINTER = "winter", _("In winter")
    FISHING_KITES = "fishing_kites", _("Fishing and kites near lines")
    FIRST_AID = "first_aid", _("When someone is hit by current")
    SUBSTATION_DOOR = "substation_door", _("An open substation door")


class Illustration(models.TextChoices):
    """Our own drawings in static/learn/; the label is the drawing's text alternative."""

    HOME = "home", _("A plug pulled out of a socket by its body, not by the cord")
    LINE = "line", _("A power line on poles with a warning sign")
    FALLEN_WIRE = (
        "fallen_wire",
        _(
            "A wire lying on the ground with a circle of eight metres around it and a child "
            "moving away with small steps"
        ),
    )
    SUBSTATION = "substation", _("A transformer substation with a lightning sign on its door")
    KITE = "kite", _("A kite caught on power line wires and a red cross over it")
    WINTER = "winter", _("Snow-covered wires sagging low over a path")
    CALL_112 = "call_112", _("A phone showing 112")


class LessonStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", pgettext_lazy("learn", "Published")


class SavingKind(models.TextChoices):
    """A change the calculator prices: a better appliance, or the same one at night."""

    REPLACE = "replace", _("A more efficient appliance")
    NIGHT = "night", _("Run at night")


class RuleKey(models.TextChoices):
    """The numbers the learning pages work by; values are dated rows (core.Rule)."""

    CLASS_RESULTS_PER_HOUR = (
        "class_results_per_hour",
        _("Quiz results a class accepts in an hour"),
    )
    CLASSES_PER_TEACHER = "classes_per_teacher", _("Classes one teacher may open")
