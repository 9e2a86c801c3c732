"""Every kind and status of the disclosure app as TextChoices."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DocumentKind(models.TextChoices):
    FEDERAL_LAW = "federal_law", _("Federal law")
    GOVERNMENT_DECREE = "government_decree", _("Government decree")
    MINISTRY_ORDER = "ministry_order", _("Ministry order")
    REGIONAL_TARIFF_DECISION = "regional_tariff_decision", _("Regional tariff decision")
    COMPANY_STANDARD = "company_standard", _("Company standard")
    TYPICAL_CONTRACT = "typical_contract", _("Typical contract")
    SERVICE_PASSPORT = "service_passport", _("Service passport")
    FORM = "form", _("Form")


class DocumentStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    AMENDED = "amended", _("In force as amended")
    SUPERSEDED = "superseded", _("Superseded")


class Topic(models.TextChoices):
    CONNECTION = "connection", _("Connection to the grid")
    METERING = "metering", _("Metering")
    PAYMENT = "payment", _("Payment")
    OUTAGES = "outages", _("Outages")
    APPEALS = "appeals", _("Appeals")
    QUALITY = "quality", _("Quality of service")


class FileKind(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "DOCX"


class GuideStage(models.TextChoices):
    CONNECTION = "connection", _("Connection to the grid")
    METERING = "metering", _("Metering devices")
    PAYMENT = "payment", _("Payment for electricity")
    OUTAGES = "outages", _("Emergencies and outages")


class GuideStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", pgettext_lazy("disclosure", "Published")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEARLY = "half_yearly", _("Twice a year")
    YEARLY = "yearly", _("Yearly")
    ON_CHANGE = "on_change", _("When it changes")


class PublicationSource(models.TextChoices):
    MANUAL = "manual", _("Entered by staff")
    EVENT = "event", _("Published by a portal service")
