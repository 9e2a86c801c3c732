"""Statuses and kinds of the connection capability («технологическое присоединение»)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ApplicantKind(models.TextChoices):
    """Who applies."""

    INDIVIDUAL = "individual", _("Individual")
    ENTREPRENEUR = "entrepreneur", _("Individual entrepreneur")
    LEGAL = "legal", _("Legal entity")


class ObjectKind(models.TextChoices):
    """What is being connected."""

    HOUSE = "house", _("House")
    DACHA = "dacha", _("Dacha or garden plot")
    GARAGE = "garage", _("Garage")
    SHOP = "shop", _("Shop or office")
    EV_CHARGER = "ev_charger", _("EV charger")
    PRODUCTION = "production", _("Production")
    MICROGENERATION = "microgeneration", _("Microgeneration (e.g. solar panels)")
    TEMPORARY = "temporary", _("Temporary connection (mobile object, construction site)")


# Objects whose power an individual uses for domestic needs (ПП 861 п. 14).
DOMESTIC_OBJECTS = {ObjectKind.HOUSE, ObjectKind.DACHA, ObjectKind.GARAGE, ObjectKind.EV_CHARGER}


class Category(models.TextChoices):
    """The applicant category of the Правила ТП, which sets procedure, fee and deadline."""

    INDIVIDUAL_15 = "individual_15", _("Individual, up to 15 kW for domestic needs")
    SMALL_150 = "small_150", _("Up to 150 kW")
    MEDIUM_670 = "medium_670", _("Over 150 and under 670 kW")
    LARGE = "large", _("670 kW and more")
    TEMPORARY = "temporary", _("Temporary connection")
    MICROGENERATION = "microgeneration", _("Microgeneration")


# The contract is concluded in the personal account; the posted TU and contract are an offer.
PERSONAL_ACCOUNT_CATEGORIES = {Category.INDIVIDUAL_15, Category.SMALL_150, Category.MICROGENERATION}


class Reliability(models.TextChoices):
    """Reliability category of supply (ПУЭ 1.2.18–1.2.21)."""

    III = "3", _("III (one source)")
    II = "2", _("II (two sources, manual switching)")
    I = "1", _("I (two sources, automatic switching)")  # noqa: E741


class Voltage(models.TextChoices):
    LV = "0.4", _("0.4 kV")
    KV6 = "6", _("6 kV")
    KV10 = "10", _("10 kV")
    KV20 = "20", _("20 kV")
    KV35 = "35", _("35 kV")
    KV110 = "110", _("110 kV")


class Reason(models.TextChoices):
    NEW = "new", _("New connection")
    INCREASE = "increase", _("Increase of maximum power")
    CHANGE = "change", _("Change of reliability category or connection point")


class IntentionStatus(models.TextChoices):
    """A request-intention is a lead: it starts no legal clock."""

    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    APPLIED = "applied", _("Full application filed")
    CLOSED = "closed", pgettext_lazy("request-intention", "Closed")


class DeadlineKind(models.TextChoices):
    OFFER = "offer", _("Contract and technical conditions issued")
    INCOMPLETE_NOTICE = "incomplete_notice", _("Applicant told the application is incomplete")
    APPLICANT_COMPLETES = "applicant_completes", _("Applicant completes the application")
    PAYMENT = "payment", _("Invoice paid (otherwise the application is annulled)")
    COMPLETION = "completion", _("Connection completed")
    INSPECTION = "inspection", _("Inspection after the readiness notice")
    ACT = "act", _("Connection act issued after the inspection")
    ENERGIZING = "energizing", _("Energized after the connection act")


class Channel(models.TextChoices):
    WEB = "web", _("website")
    API = "api", _("API")
    OFFICE = "office", _("customer office")


class Stage(models.TextChoices):
    """Where a full application stands (the stages the applicant follows, ПП 24 п. 19 «л»)."""

    DRAFT = "draft", _("Draft")
    RECEIVED = "received", _("Received")
    INCOMPLETE = "incomplete", _("Incomplete: documents missing")
    OFFER = "offer", _("Contract, technical conditions and invoice issued")
    PAID = "paid", _("Paid: the works are under way")
    INSPECTION = "inspection", _("Works done: inspection due")
    INSPECTED = "inspected", _("Inspected: connection act due")
    ACT_ISSUED = "act_issued", _("Connection act issued: energizing due")
    COMPLETED = "completed", _("Connected")
    ANNULLED = "annulled", _("Annulled")


OPEN_STAGES = {
    Stage.RECEIVED,
    Stage.INCOMPLETE,
    Stage.OFFER,
    Stage.PAID,
    Stage.INSPECTION,
    Stage.INSPECTED,
    Stage.ACT_ISSUED,
}
# After payment: the company's works and the applicant's works run side by side (PAID), then
# the inspection, the connection act and the energizing, one after the other.
WORK_STAGES = [Stage.PAID, Stage.INSPECTION, Stage.INSPECTED, Stage.ACT_ISSUED, Stage.COMPLETED]


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Application received")
    INCOMPLETE = "incomplete", _("Documents requested")
    COMPLETED_BY_APPLICANT = "resubmitted", _("Missing documents sent")
    OFFER = "offer", _("Contract, technical conditions and invoice issued")
    PAID = "paid", _("Invoice paid: the contract is concluded")
    COMPANY_WORKS = "works_done", _("Works by the company done")
    READINESS_NOTICE = "ready", _("Readiness notice received: the applicant's works are done")
    INSPECTED = "inspected", _("Inspection carried out")
    ACT = "act", _("Connection act issued")
    CONNECTED = "connected", _("Energized: the connection is completed")
    ANNULLED = "annulled", _("Annulled: the invoice was not paid in time")
    ASSIGNED = "assigned", _("Assigned")
    COMMENT = "comment", _("Internal comment")


class DocumentKind(models.TextChoices):
    LOCATION_PLAN = "location_plan", _("Location plan")
    TITLE = "title", _("Title document")
    POWER_OF_ATTORNEY = "power_of_attorney", _("Power of attorney")
    SOCIAL_PROOF = "social_proof", _("Proof of the social category")
    OTHER = "other", _("Other document")
    READINESS_NOTICE = "readiness_notice", _("Readiness notice (technical conditions carried out)")
    CONTRACT = "contract", _("Contract for technological connection")
    TECHNICAL_CONDITIONS = "technical_conditions", _("Technical conditions")
    INVOICE = "invoice", _("Invoice")
    CONNECTION_ACT = "connection_act", _("Connection act")


# What the applicant may attach; the rest the company issues (generated PDFs).
APPLICANT_DOCUMENT_KINDS = [
    DocumentKind.LOCATION_PLAN,
    DocumentKind.TITLE,
    DocumentKind.POWER_OF_ATTORNEY,
    DocumentKind.SOCIAL_PROOF,
    DocumentKind.OTHER,
]
COMPANY_DOCUMENT_KINDS = [
    DocumentKind.CONTRACT,
    DocumentKind.TECHNICAL_CONDITIONS,
    DocumentKind.INVOICE,
    DocumentKind.CONNECTION_ACT,
]
