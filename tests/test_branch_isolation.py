"""Branch isolation, from one table: every record of a branch, every persona, every surface.

Every concrete model of Gridportal that reaches `core.Branch` through foreign keys declares
how (`branch_path`, decision 0013), and has one row in TABLE below naming the staff pages
that show it (lists and details), the writes that take it, its API and its exports. The
admin needs no row: every model registered there is checked. One record of each model is
made in each of two branches; then, for each persona,

- staff pages: a dispatcher sees the records of their branch and gets 404 for the other's;
  the administrator sees both; a customer gets 403, an anonymous visitor the login page;
- writes: a dispatcher posting to another branch's record gets 404;
- admin: dispatchers are sent to the console, customers and visitors to the login page,
  the administrator sees both branches, an administrator of one branch only that one;
- API: public rows for everyone, staff-only rows and fields for the record's branch only;
- exports: the staff network GeoJSON is scoped; the open data are the same for everyone.

A new model with a branch fails here until it declares a `branch_path` and gets a row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import quote

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from gridportal.accounts.choices import StaffRole
from gridportal.accounts.scoping import (
    branch_path,
    branch_path_target,
    declares_branch,
    object_branch_id,
)
from gridportal.accounts.services import customer_register
from gridportal.appeals.services import Submission as AppealSubmission
from gridportal.appeals.services import appeal_submit
from gridportal.capacity.models import (
    CapacityAssessment,
    CommittedCapacity,
    LoadMeasurement,
    SensitiveSubstation,
    SubstationLoad,
)
from gridportal.capacity.services import capacity_recalculate
from gridportal.connection import services as connection
from gridportal.connection.models import ConnectionRate
from gridportal.connection.services import applications as connection_applications
from gridportal.core.choices import AuditAction
from gridportal.core.intake import Origin
from gridportal.core.models import AuditLogEntry, Branch
from gridportal.core.services import audit_record
from gridportal.core.uploads import upload_accept
from gridportal.disclosure import services as disclosure
from gridportal.disclosure.models import DisclosureItem
from gridportal.notifications.choices import DeliveryStatus
from gridportal.notifications.models import Delivery
from gridportal.notifications.tests.factories import SubscriptionFactory
from gridportal.offices import services as offices
from gridportal.offices.selectors import free_slots, office_get
from gridportal.offices.tests.factories import office_create
from gridportal.outages import services as outages
from gridportal.outages.choices import Channel, FacilityKind, PlannedStatus
from gridportal.outages.models import Crew, CriticalFacility, Incident, SpecialNeedsCustomer
from gridportal.outages.tests.conftest import build_network
from gridportal.outages.tests.factories import report
from gridportal.reliability.models import InterruptionEvent
from gridportal.reliability.services import interruptions_import
from gridportal.surveys.choices import QuestionKind
from gridportal.surveys.models import Invitation, Survey
from gridportal.surveys.services import (
    ResponseSubmission,
    question_add,
    response_submit,
    survey_create,
    token_digest,
    version_publish,
)
from gridportal.testing.factories import PowerTransformerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Five personas a test: the default hasher would spend most of the run on their passwords.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# --- the models that belong to a branch ---------------------------------------------


def gridportal_models():
    return [
        m
        for m in apps.get_models()
        if m.__module__.startswith("gridportal.") and not m._meta.abstract
    ]


def reaches_branch(model) -> bool:
    """Whether a chain of forward foreign keys (or one-to-ones) leads from `model` to Branch."""
    seen, queue = {model}, deque([model])
    while queue:
        current = queue.popleft()
        if current is Branch:
            return True
        for f in current._meta.get_fields():
            if (f.many_to_one or f.one_to_one) and f.concrete and f.related_model not in seen:
                seen.add(f.related_model)
                queue.append(f.related_model)
    return False


def branch_models() -> dict[str, type]:
    return {m._meta.label_lower: m for m in gridportal_models() if reaches_branch(m)}


# --- the table ------------------------------------------------------------------------


def href(url: str) -> str:
    return f'href="{url}"'


def url(name: str, *args) -> str:
    return reverse(name, args=args)


@dataclass(frozen=True)
class Listing:
    """A staff page listing records: its URL name and the text that names one record on it."""

    name: str
    marker: Callable
    permission: str | None = None


@dataclass(frozen=True)
class Detail:
    """A staff page about one record (or the page that shows it): 404 across branches."""

    url: Callable
    permission: str | None = None


@dataclass(frozen=True)
class Write:
    """A staff POST that changes one record: 404 across branches, before anything changes."""

    url: Callable
    permission: str | None = None
    data: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Api:
    """An API list (a URL per record: a search names it) and detail.

    `public`: rows every visitor sees (the network, published work); otherwise staff see
    their branches' rows only and the public the public ones (our records are public:
    confirmed incidents). `staff_fields` go to staff of the record's branch only.
    """

    list: Callable
    detail: Callable | None = None
    public: bool = True
    staff_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Export:
    """A download: URL, whether it is open data, and the record ids it holds."""

    url: str
    public: bool
    ids: Callable  # (response) -> set of ids
    id_of: Callable = lambda obj: obj.pk


@dataclass(frozen=True)
class Row:
    lists: tuple[Listing, ...] = ()
    details: tuple[Detail, ...] = ()
    writes: tuple[Write, ...] = ()
    api: Api | None = None
    exports: tuple[Export, ...] = ()


def _network_ids(kind):
    def ids(response):
        return {
            f["properties"]["id"]
            for f in response.json()["features"]
            if f["properties"]["kind"] == kind
        }

    return ids


def _open_data_ids(response):
    text = response.content.decode("utf-8-sig")
    # The first column is the id (its header is in the reader's language).
    return {int(next(iter(row.values()))) for row in csv.DictReader(io.StringIO(text))}


NETWORK_MAP = "/staff/grid/map.geojson"
SURVEY_EXPORT = "/staff/surveys/isolation/export/raw.csv"


def _survey_export_ids(response):
    text = response.content.decode("utf-8-sig")
    return {row[0] for row in list(csv.reader(io.StringIO(text)))[1:]}


OFFICE_VISITS = "offices.view_visit"


def _office_day(obj):
    return url("staff:offices:day", obj.office_id)


def _office_edit(obj):
    return url("staff:offices:edit", obj.office_id)


INCIDENT = "outages.view_incident"
REPORTS = "outages.view_outagereport"
LEADS = "connection.view_connectionintention"
APPLICATIONS = "connection.view_connectionapplication"


def _incident_page(obj):
    return url("staff:outages:incident", obj.incident_id)


APPEALS = "appeals.view_appeal"


def _appeal_page(obj):
    return url("staff:appeals:detail", obj.appeal.number)


def _registry_numbers(response):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(response.content)).active
    return {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}


TABLE: dict[str, Row] = {
    "core.branch": Row(
        lists=(Listing("staff:home", lambda b: b.name),),
        api=Api(lambda b: "/api/v1/branches/", lambda b: f"/api/v1/branches/{b.pk}/"),
    ),
    "core.district": Row(
        api=Api(lambda d: "/api/v1/districts/", lambda d: f"/api/v1/districts/{d.pk}/"),
    ),
    "core.auditlogentry": Row(
        lists=(
            Listing(
                "staff:audit-log",
                lambda e: f"{e.object_type} #{e.object_id} ",
                "core.view_auditlogentry",
            ),
        ),
    ),
    "grid.powercentre": Row(
        lists=(
            Listing(
                "staff:grid:power-centres", lambda pc: href(url("staff:grid:power-centre", pc.pk))
            ),
        ),
        details=(Detail(lambda pc: url("staff:grid:power-centre", pc.pk)),),
        api=Api(
            lambda pc: "/api/v1/power-centres/",
            lambda pc: f"/api/v1/power-centres/{pc.pk}/",
            staff_fields=("feeder_count", "updated_at"),
        ),
        exports=(Export(NETWORK_MAP, public=False, ids=_network_ids("power_centre")),),
    ),
    "grid.powertransformer": Row(
        details=(Detail(lambda t: url("staff:grid:power-centre", t.power_centre_id)),),
    ),
    "grid.feeder": Row(
        details=(Detail(lambda f: url("staff:grid:feeder", f.pk)),),
        api=Api(
            lambda f: "/api/v1/feeders/",
            lambda f: f"/api/v1/feeders/{f.pk}/",
            staff_fields=("substation_count",),
        ),
    ),
    "grid.substation": Row(
        details=(Detail(lambda s: url("staff:grid:substation", s.pk)),),
        api=Api(
            lambda s: "/api/v1/substations/",
            lambda s: f"/api/v1/substations/{s.pk}/",
            staff_fields=("rated_kva", "address_count", "customer_count"),
        ),
        exports=(Export(NETWORK_MAP, public=False, ids=_network_ids("substation")),),
    ),
    "grid.settlement": Row(),
    "grid.street": Row(),
    "grid.serviceaddress": Row(
        details=(
            Detail(lambda a: url("staff:grid:substation", a.substation_id)),
            Detail(
                lambda a: f"{url('staff:outages:call')}?address={a.pk}",
                "outages.add_outagereport",
            ),
        ),
        api=Api(lambda a: f"/api/v1/addresses/?limit=50&q={quote(a.label)}"),
    ),
    "outages.incident": Row(
        lists=(
            Listing(
                "staff:outages:board", lambda i: href(url("staff:outages:incident", i.pk)), INCIDENT
            ),
        ),
        details=(
            Detail(lambda i: url("staff:outages:incident", i.pk), INCIDENT),
            Detail(lambda i: url("staff:outages:element-choices", i.pk) + "?element=ТП", INCIDENT),
        ),
        writes=(
            Write(
                lambda i: url("staff:outages:incident-action", i.pk, "update"),
                "outages.change_incident",
                {"cause": "weather", "crew_status": "on_site", "public_message": "Чужое"},
            ),
        ),
        api=Api(
            lambda i: "/api/v1/outages/incidents/",
            lambda i: f"/api/v1/outages/incidents/{i.pk}/",
            public=False,
            staff_fields=("element", "pinned"),
        ),
    ),
    "outages.incidentsubstation": Row(details=(Detail(_incident_page, INCIDENT),)),
    "outages.incidentevent": Row(details=(Detail(_incident_page, INCIDENT),)),
    "outages.outagereport": Row(
        lists=(
            Listing(
                "staff:outages:callbacks",
                lambda r: href(url("staff:outages:report", r.pk)),
                REPORTS,
            ),
        ),
        details=(Detail(lambda r: url("staff:outages:report", r.pk), REPORTS),),
        writes=(
            Write(lambda r: url("staff:outages:report", r.pk), REPORTS, {"action": "reveal"}),
            Write(
                lambda r: url("staff:outages:report", r.pk), REPORTS, {"action": "callback-done"}
            ),
        ),
    ),
    "outages.criticalfacility": Row(
        lists=(Listing("staff:outages:board", lambda f: f.name, INCIDENT),),
    ),
    "outages.crew": Row(
        lists=(Listing("staff:outages:crews", lambda c: c.leader, "outages.view_crew"),),
    ),
    "outages.specialneedscustomer": Row(
        lists=(
            Listing(
                "staff:outages:special-needs",
                lambda r: r.name,
                "outages.view_specialneedscustomer",
            ),
        ),
        details=(
            Detail(
                lambda r: url("staff:outages:special-needs-edit", r.pk),
                "outages.change_specialneedscustomer",
            ),
        ),
        writes=(
            Write(
                lambda r: url("staff:outages:special-needs-edit", r.pk),
                "outages.change_specialneedscustomer",
                {"name": "Чужой", "phone": "+79000000000", "need": "mobility"},
            ),
            Write(
                lambda r: url("staff:outages:special-needs-withdraw", r.pk),
                "outages.delete_specialneedscustomer",
            ),
        ),
    ),
    "outages.plannedoutage": Row(
        lists=(Listing("staff:outages:planned", lambda p: p.reason, "outages.view_plannedoutage"),),
        writes=(
            Write(
                lambda p: url("staff:outages:planned-cancel", p.pk), "outages.change_plannedoutage"
            ),
            Write(
                lambda p: url("staff:outages:planned-move", p.pk), "outages.change_plannedoutage"
            ),
            Write(
                lambda p: url("staff:outages:planned-done", p.pk), "outages.change_plannedoutage"
            ),
        ),
        api=Api(lambda p: "/api/v1/outages/planned/"),
    ),
    "appeals.appeal": Row(
        lists=(
            Listing(
                "staff:appeals:queue",
                lambda a: href(url("staff:appeals:detail", a.number)),
                APPEALS,
            ),
            Listing(
                "staff:appeals:registry",
                lambda a: href(url("staff:appeals:detail", a.number)),
                APPEALS,
            ),
        ),
        details=(Detail(lambda a: url("staff:appeals:detail", a.number), APPEALS),),
        writes=(
            Write(
                lambda a: url("staff:appeals:act", a.number, "note"),
                "appeals.change_appeal",
                {"text": "Чужое"},
            ),
        ),
        exports=(
            Export(
                "/staff/appeals/registry/?format=xlsx",
                public=False,
                ids=_registry_numbers,
                id_of=lambda a: a.number,
            ),
        ),
    ),
    "appeals.appealevent": Row(details=(Detail(_appeal_page, APPEALS),)),
    "appeals.appealattachment": Row(
        details=(Detail(lambda f: url("staff:appeals:file", f.appeal.number, f.pk), APPEALS),),
    ),
    "capacity.loadmeasurement": Row(),
    "capacity.committedcapacity": Row(),
    "capacity.capacityassessment": Row(
        lists=(
            Listing(
                "staff:capacity:preview",
                lambda a: href(url("capacity:power-centre", a.power_centre_id)),
                "capacity.view_capacityassessment",
            ),
        ),
        exports=(
            Export(
                "/capacity/power-centres.csv",
                public=True,
                ids=_open_data_ids,
                id_of=lambda a: a.power_centre_id,
            ),
        ),
    ),
    "capacity.substationload": Row(),
    "capacity.sensitivesubstation": Row(),
    "connection.connectionrate": Row(),
    "connection.connectionapplication": Row(
        lists=(Listing("staff:connection:queue", lambda a: a.number, APPLICATIONS),),
        details=(Detail(lambda a: url("staff:connection:application", a.number), APPLICATIONS),),
        writes=(
            Write(
                lambda a: url("staff:connection:application", a.number),
                APPLICATIONS,
                {"action": "comment", "text": "Чужое"},
            ),
        ),
    ),
    "connection.applicationevent": Row(
        details=(
            Detail(
                lambda e: url("staff:connection:application", e.application.number), APPLICATIONS
            ),
        ),
    ),
    "connection.applicationdocument": Row(
        details=(
            Detail(
                lambda d: url("staff:connection:application-document", d.application.number, d.pk),
                APPLICATIONS,
            ),
        ),
    ),
    # The staff API of intentions is covered by connection/tests/test_intake.py (connection
    # officers of two branches); the personas here are dispatchers, refused by permission.
    "connection.connectionintention": Row(
        lists=(Listing("staff:connection:leads", lambda i: i.number, LEADS),),
        details=(Detail(lambda i: url("staff:connection:lead", i.number), LEADS),),
        writes=(
            Write(
                lambda i: url("staff:connection:lead", i.number),
                LEADS,
                {"status": "closed", "staff_note": "Чужое"},
            ),
        ),
    ),
    "notifications.subscription": Row(
        lists=(
            Listing(
                "staff:notifications:subscriptions",
                lambda s: f'data-branch="{s.address.branch_id}"',
                "notifications.view_subscription",
            ),
        ),
        details=(
            Detail(
                lambda s: url("staff:notifications:subscription", s.pk),
                "notifications.view_subscription",
            ),
        ),
    ),
    "offices.office": Row(
        lists=(
            Listing(
                "staff:offices:index",
                lambda o: href(url("staff:offices:day", o.pk)),
                OFFICE_VISITS,
            ),
        ),
        details=(
            Detail(lambda o: url("staff:offices:day", o.pk), OFFICE_VISITS),
            Detail(lambda o: url("staff:offices:edit", o.pk), "offices.change_office"),
        ),
        writes=(
            Write(
                lambda o: url("staff:offices:walk-in", o.pk),
                "offices.change_visit",
                {"service": "payments"},
            ),
        ),
        api=Api(lambda o: "/api/v1/offices/"),
    ),
    "offices.officeservice": Row(details=(Detail(_office_edit, "offices.change_office"),)),
    "offices.officehours": Row(details=(Detail(_office_edit, "offices.change_office"),)),
    "offices.officeexception": Row(details=(Detail(_office_edit, "offices.change_office"),)),
    "offices.desk": Row(details=(Detail(_office_edit, "offices.change_office"),)),
    "offices.booking": Row(
        details=(Detail(_office_day, OFFICE_VISITS),),
        writes=(
            Write(
                lambda b: url("staff:offices:booking-action", b.office_id, b.pk),
                "offices.change_visit",
                {"action": "no_show"},
            ),
        ),
    ),
    "offices.visit": Row(
        details=(Detail(_office_day, OFFICE_VISITS),),
        writes=(
            Write(
                lambda v: url("staff:offices:visit-action", v.office_id, v.pk),
                "offices.change_visit",
                {"action": "start"},
            ),
        ),
    ),
    "disclosure.document": Row(
        lists=(
            Listing(
                "staff:disclosure:documents",
                lambda d: href(url("staff:disclosure:document", d.pk)),
                "disclosure.view_document",
            ),
        ),
        details=(
            Detail(lambda d: url("staff:disclosure:document", d.pk), "disclosure.view_document"),
            Detail(
                lambda d: url("staff:disclosure:document-version", d.pk), "disclosure.add_document"
            ),
        ),
        writes=(
            Write(
                lambda d: url("staff:disclosure:document-publish", d.pk),
                "disclosure.change_document",
            ),
        ),
        # Published documents are public, a branch's as much as the company's.
        api=Api(lambda d: "/api/v1/documents/", lambda d: f"/api/v1/documents/{d.pk}/"),
    ),
    "disclosure.documenttopic": Row(
        details=(
            Detail(
                lambda t: url("staff:disclosure:document", t.document_id),
                "disclosure.view_document",
            ),
        ),
    ),
    "disclosure.disclosureitem": Row(
        lists=(
            Listing(
                "staff:disclosure:calendar",
                lambda i: f'data-item="{i.code}"',
                "disclosure.view_disclosureitem",
            ),
        ),
        writes=(
            Write(
                lambda i: url("staff:disclosure:item-publish", i.pk),
                "disclosure.add_publication",
                {"period": "2026-Q1"},
            ),
        ),
        api=Api(
            lambda i: "/api/v1/disclosure-items/", lambda i: f"/api/v1/disclosure-items/{i.pk}/"
        ),
    ),
    "disclosure.publication": Row(
        lists=(
            Listing(
                "staff:disclosure:calendar",
                lambda p: f'data-item="{p.item.code}"',
                "disclosure.view_disclosureitem",
            ),
        ),
    ),
    "notifications.delivery": Row(
        lists=(
            Listing(
                "staff:notifications:deliveries",
                lambda d: href(url("staff:notifications:subscription", d.subscription_id)),
                "notifications.view_delivery",
            ),
        ),
        writes=(
            Write(
                lambda d: url("staff:notifications:delivery-retry", d.pk),
                "notifications.change_delivery",
            ),
        ),
    ),
    "surveys.invitation": Row(
        details=(
            Detail(
                lambda i: url("staff:surveys:follow-up", i.response.follow_up.pk),
                "surveys.view_followup",
            ),
        ),
    ),
    "surveys.response": Row(
        exports=(
            Export(
                SURVEY_EXPORT,
                public=False,
                ids=_survey_export_ids,
                id_of=lambda r: str(r.client_id),
            ),
        ),
    ),
    "surveys.answer": Row(
        exports=(
            Export(
                SURVEY_EXPORT,
                public=False,
                ids=_survey_export_ids,
                id_of=lambda a: str(a.response.client_id),
            ),
        ),
    ),
    "surveys.followup": Row(
        lists=(
            Listing(
                "staff:surveys:follow-ups",
                lambda f: href(url("staff:surveys:follow-up", f.pk)),
                "surveys.view_followup",
            ),
        ),
        details=(Detail(lambda f: url("staff:surveys:follow-up", f.pk), "surveys.view_followup"),),
        writes=(
            Write(
                lambda f: url("staff:surveys:follow-up", f.pk),
                "surveys.view_followup",
                {"note": "Чужая ветка"},
            ),
        ),
    ),
    "reliability.interruptionevent": Row(
        lists=(
            Listing(
                "staff:reliability:events",
                lambda e: href(url("staff:reliability:event", e.pk)),
                "reliability.view_interruptionrecord",
            ),
        ),
        details=(
            Detail(
                lambda e: url("staff:reliability:event", e.pk),
                "reliability.view_interruptionrecord",
            ),
        ),
        writes=(
            Write(
                lambda e: url("staff:reliability:event-correct", e.pk),
                "reliability.change_interruptionrecord",
                {"cause": "tree"},
            ),
        ),
    ),
    "reliability.interruptionrecord": Row(
        details=(
            Detail(
                lambda r: url("staff:reliability:event", r.event_id),
                "reliability.view_interruptionrecord",
            ),
        ),
        writes=(
            Write(
                lambda r: url("staff:reliability:record-correct", r.pk),
                "reliability.change_interruptionrecord",
                {
                    "started_at": "2025-01-01T00:00",
                    "restored_at": "2025-01-01T01:00",
                    "customers": "1",
                },
            ),
        ),
    ),
}


# --- one record of each model in each branch ----------------------------------------------


def _survey_records(branch, code):
    """An answer after an invitation with a low score: response, answer, follow-up."""
    survey = Survey.objects.filter(slug="isolation").first()
    if survey is None:
        survey = survey_create(slug="isolation", title="Изоляция")
        question_add(survey=survey, key="overall", kind=QuestionKind.CSAT, text="Оценка")
        version_publish(survey=survey)
    token = f"isolation-{code}"
    invitation = Invitation.objects.create(
        survey=survey,
        token_digest=token_digest(token),
        contact=f"{code}@example.ru",
        contact_key=code,
        event_kind="appeal_closed",
        branch=branch,
    )
    response, _created = response_submit(
        submission=ResponseSubmission(
            survey_slug="isolation", answers={"overall": 1}, invitation_token=token
        ),
        origin=Origin(channel="online"),
    )
    document = disclosure.document_create(
        data=disclosure.DocumentData(
            kind="form",
            date=dt.date(2025, 1, 20),
            issuing_body=f"Филиал {code}",
            title=f"Форма заявки {code}",
            branch_id=branch.pk,
            topics=["metering"],
        ),
        publish=True,
    )
    item = DisclosureItem.objects.create(
        code=f"items-{code}",
        title=f"Сведения {code}",
        legal_source="ПП РФ от 21.01.2004 № 24",
        frequency="quarterly",
        branch=branch,
    )
    return {
        "disclosure.document": document,
        "disclosure.documenttopic": document.topic_links.get(),
        "disclosure.disclosureitem": item,
        "disclosure.publication": disclosure.publication_record(item=item, period="2025-Q4"),
        "surveys.invitation": invitation,
        "surveys.response": response,
        "surveys.answer": response.answers.first(),
        "surveys.followup": response.follow_up,
    }


def one_of_each(branch, *, code: str, city: str, actor) -> dict:
    """One record of every model with a branch, made the way the application makes them."""
    net = build_network(branch, code=code, city=city, feeders=1, per_feeder=2)
    tp, tp2 = net.substations
    first, second = net.addresses_of(tp)
    transformer = PowerTransformerFactory(power_centre=net.centre, name=f"Т-{code}")
    report(first)
    report(second)
    incident = outages.incident_confirm(incident=Incident.objects.get(branch=branch), actor=actor)
    call = report(first, channel=Channel.PHONE, created_by=actor, callback_requested=True)
    facility = CriticalFacility.objects.create(
        branch=branch, substation=tp, name=f"Больница {code}", kind=FacilityKind.HOSPITAL
    )
    start = timezone.now() + dt.timedelta(days=2)
    planned = outages.planned_outage_create(
        branch=branch,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        reason=f"Замена опор {code}",
        substations=[tp2],
    )
    winter = dt.date(2025, 12, 17)
    measurement = LoadMeasurement.objects.create(
        transformer=transformer,
        power_centre=net.centre,
        measured_on=winter,
        season="winter",
        load_mva=Decimal("5"),
    )
    commitment = CommittedCapacity.objects.create(
        power_centre=net.centre,
        site=f"10:20:{code}",
        kind="contract",
        document_number=f"ТП-{code}",
        document_date=dt.date(2025, 3, 1),
        kw=Decimal("100"),
    )
    capacity_recalculate(power_centre_ids=[net.centre.pk])
    rate = ConnectionRate.objects.create(
        branch=branch,
        year=2026,
        preferential_per_kw=Decimal("5000"),
        social_per_kw=Decimal("1064"),
        c1_per_application=Decimal("30000"),
        c8_per_point=Decimal("25000"),
        construction_per_kw=Decimal("3000"),
        source="пример",
    )
    lead = connection.intention_submit(
        submission=connection.IntentionSubmission(
            address=first,
            applicant_kind="individual",
            object_kind="house",
            power_new_kw=Decimal("15"),
            voltage="0.4",
            reliability="3",
            name=f"Заявитель {code}",
            phone="+79210001122",
            consent_given=True,
        ),
        origin=Origin(channel="web", ip_address="192.0.2.1"),
    ).intention
    application = connection_applications.application_draft_save(
        customer=customer_register(email=f"applicant-{code}@example.ru", password="x-long-pass-1"),
        data={
            "address": first,
            "applicant_kind": "individual",
            "applicant_name": f"Заявитель {code}",
            "identity": "8601 123456",
            "object_kind": "house",
            "reason": "new",
            "power_new_kw": Decimal("15"),
            "voltage": "0.4",
            "reliability": "3",
            "supplier": "ТНС энерго",
        },
        documents=[
            (
                "location_plan",
                upload_accept(name="plan.pdf", content=b"%PDF-1.4\n%%EOF\n", kinds=("pdf",)),
            )
        ],
    )
    application = connection_applications.application_submit(
        application=application, origin=Origin(channel="web"), consent=True
    )
    subscription = SubscriptionFactory(address=first)
    delivery = Delivery.objects.create(
        subscription=subscription,
        event_key=f"isolation:{code}",
        channel=subscription.channel,
        template="incident_confirmed",
        status=DeliveryStatus.FAILED,
    )
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    appeal = appeal_submit(
        submission=AppealSubmission(
            appeal_type="complaint",
            topic="power_quality",
            text=f"Низкое напряжение {code}",
            address=first,
            email=f"{code}@example.ru",
            consent_given=True,
            attachments=(upload_accept(name="акт.pdf", content=pdf, kinds=("pdf",)),),
        ),
        origin=Origin(channel="web", ip_address="203.0.113.9"),
    ).appeal
    office = office_create(branch, name=f"ЦОК {city}")
    exception = office.exceptions.create(
        first_day=dt.date(2030, 1, 20),
        last_day=dt.date(2030, 1, 21),
        kind="closed",
        reason="ремонт",
    )
    slot = next(
        slots[0]
        for offset in range(1, 15)
        if (
            slots := free_slots(
                office_get(office.pk),
                service="metering",
                day=timezone.localdate() + dt.timedelta(days=offset),
            )
        )
    )
    booking = offices.booking_submit(
        submission=offices.BookingSubmission(
            office_id=office.pk,
            service="metering",
            starts_at=slot.start,
            name=f"Посетитель {code}",
            email=f"visitor-{code}@example.ru",
            consent_given=True,
        ),
        origin=Origin(channel="web", ip_address="192.0.2.50"),
    )
    visit = offices.visit_walk_in(office=office, service="payments", actor=actor)
    went_off = timezone.localtime() - dt.timedelta(hours=2)
    interruptions_import(
        name="history.csv",
        content=(
            "event,branch,substation,started_at,restored_at\n"
            f"isolation-{code},{branch.code},{tp.name},{went_off.isoformat()},"
            f"{(went_off + dt.timedelta(hours=1)).isoformat()}\n"
        ).encode(),
    )
    interruption = InterruptionEvent.objects.get(key=f"isolation-{code}")
    return {
        "offices.office": office,
        "offices.officeservice": office.services.first(),
        "offices.officehours": office.hours.first(),
        "offices.officeexception": exception,
        "offices.desk": office.desks.first(),
        "offices.booking": booking,
        "offices.visit": visit,
        "core.branch": branch,
        "core.district": net.district,
        "appeals.appeal": appeal,
        "appeals.appealevent": appeal.events.first(),
        "appeals.appealattachment": appeal.attachments.first(),
        "core.auditlogentry": audit_record(
            actor=actor, action=AuditAction.VIEW, obj=call, branch=branch
        ),
        "grid.powercentre": net.centre,
        "grid.powertransformer": transformer,
        "grid.feeder": net.feeders[0],
        "grid.substation": tp,
        "grid.settlement": first.street.settlement,
        "grid.street": first.street,
        "grid.serviceaddress": first,
        "outages.incident": incident,
        "outages.incidentsubstation": incident.coverage.first(),
        "outages.incidentevent": incident.events.first(),
        "outages.outagereport": call,
        "outages.criticalfacility": facility,
        "outages.specialneedscustomer": SpecialNeedsCustomer.objects.create(
            branch=branch,
            address=first,
            name=f"Житель {code}",
            phone="+79110000001",
            need="mobility",
        ),
        "outages.crew": Crew.objects.create(
            branch=branch, name=f"ОВБ-{code}", leader=f"Бригадир {code}", phone="+79110000000"
        ),
        "outages.plannedoutage": planned,
        "capacity.loadmeasurement": measurement,
        "capacity.committedcapacity": commitment,
        "capacity.capacityassessment": CapacityAssessment.objects.get(
            power_centre=net.centre, snapshot__isnull=True
        ),
        "capacity.substationload": SubstationLoad.objects.create(
            substation=tp, measured_on=winter, load_kva=Decimal("120")
        ),
        "capacity.sensitivesubstation": SensitiveSubstation.objects.create(substation=tp2),
        "notifications.subscription": subscription,
        "notifications.delivery": delivery,
        "connection.connectionrate": rate,
        "connection.connectionintention": lead,
        "connection.connectionapplication": application,
        "connection.applicationevent": application.events.first(),
        "connection.applicationdocument": application.documents.first(),
        **_survey_records(branch, code),
        "reliability.interruptionevent": interruption,
        "reliability.interruptionrecord": interruption.records.get(),
    }


@pytest.fixture
def branch_administrator(branch):
    """An administrator of the first branch only (not a superuser, not company-wide)."""
    from gridportal.accounts.services import staff_user_create

    return staff_user_create(
        username="branch-admin",
        password="correct-horse-battery",
        roles=[StaffRole.ADMINISTRATOR],
        branches=[branch],
    )


@pytest.fixture
def world(branch, other_branch, administrator, settings, tmp_path):
    settings.STORAGES = {  # attachments of the applications go to the test's own storage
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private"},
        },
    }
    cache.clear()  # rate-limit counters of earlier tests
    return {
        "a": one_of_each(branch, code="karelia", city="Петрозаводск", actor=administrator),
        "b": one_of_each(other_branch, code="pskov", city="Псков", actor=administrator),
    }


# Which branches' records each persona works with.
SEES = {"officer": {"a"}, "other_officer": {"b"}, "administrator": {"a", "b"}}
PERSONAS = ["officer", "other_officer", "administrator", "customer", "anonymous"]


@pytest.fixture
def personas(officer, other_officer, administrator, customer):
    return {
        "officer": officer,
        "other_officer": other_officer,
        "administrator": administrator,
        "customer": customer,
        "anonymous": None,
    }


class Findings:
    """Every broken expectation of one test, reported together."""

    def __init__(self):
        self.failures: list[str] = []

    def expect(self, ok: bool, message: str):
        if not ok:
            self.failures.append(message)

    def assert_none(self):
        assert not self.failures, "\n".join(self.failures)


def _sign_in(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def _staff_status(persona, user, permission, visible) -> int:
    if persona == "anonymous":
        return 302
    if persona == "customer":
        return 403
    if permission and not user.has_perm(permission):
        return 403
    return 200 if visible else 404


# --- the tests --------------------------------------------------------------------------


def test_every_model_that_reaches_a_branch_declares_how():
    models = branch_models()
    missing = sorted(label for label, m in models.items() if not declares_branch(m))
    assert not missing, f"declare branch_path on: {', '.join(missing)} (decision 0013)"
    wrong = sorted(
        label for label, m in models.items() if branch_path_target(m, branch_path(m)) is not Branch
    )
    assert not wrong, f"branch_path does not end at core.Branch on: {', '.join(wrong)}"


def test_the_table_has_a_row_for_every_model_with_a_branch():
    assert set(TABLE) == set(branch_models()), (
        "add the model to TABLE in tests/test_branch_isolation.py with the pages that show it"
    )


def test_the_discovery_follows_foreign_key_chains_only():
    assert reaches_branch(Delivery)  # subscription → address → branch
    assert reaches_branch(AuditLogEntry)
    assert not reaches_branch(apps.get_model("core", "Rule"))
    # A user's branches are a many-to-many: users are not rows of a branch.
    assert not reaches_branch(apps.get_model("accounts", "User"))


def test_the_world_holds_one_record_of_each_model_in_each_branch(world):
    for side, branch_code in (("a", "karelia"), ("b", "pskov")):
        assert set(world[side]) == set(TABLE)
        for label, obj in world[side].items():
            assert obj is not None, label
            assert object_branch_id(obj) == Branch.objects.get(code=branch_code).pk, label


@pytest.mark.parametrize("label", sorted(TABLE))
def test_each_persona_sees_only_its_branches_records(
    client, world, personas, branch_administrator, label
):
    row = TABLE[label]
    objects = {side: world[side][label] for side in ("a", "b")}
    found = Findings()
    users = {**personas, "branch_administrator": branch_administrator}
    _check_admin(client, found, label, objects, users)
    for persona in PERSONAS:
        user = personas[persona]
        seen = SEES.get(persona, set())
        _sign_in(client, user)
        _check_staff_pages(client, found, row, objects, persona, user, seen)
        _check_writes(client, found, row, objects, persona, user, seen)
        _check_api(client, found, row, objects, persona, seen)
        _check_exports(client, found, row, objects, persona, seen)
    found.assert_none()


def _check_staff_pages(client, found, row, objects, persona, user, seen):
    for listing in row.lists:
        page_url = reverse(listing.name)
        response = client.get(page_url)
        expected = _staff_status(persona, user, listing.permission, True)
        found.expect(
            response.status_code == expected,
            f"{persona}: {page_url} answered {response.status_code}, expected {expected}",
        )
        if response.status_code != 200:
            continue
        content = response.content.decode()
        for side, obj in objects.items():
            marker = listing.marker(obj)
            if not marker:
                continue
            shown = marker in content
            found.expect(
                shown == (side in seen),
                f"{persona}: {page_url} {'shows' if shown else 'lacks'} the record of "
                f"branch {side} ({marker!r})",
            )
    for detail in row.details:
        for side, obj in objects.items():
            page_url = detail.url(obj)
            response = client.get(page_url)
            expected = _staff_status(persona, user, detail.permission, side in seen)
            found.expect(
                response.status_code == expected,
                f"{persona}: {page_url} (branch {side}) answered {response.status_code}, "
                f"expected {expected}",
            )


def _check_writes(client, found, row, objects, persona, user, seen):
    for write in row.writes:
        for side, obj in objects.items():
            if side in seen:
                continue  # the console's own tests cover the writes that are allowed
            write_url = write.url(obj)
            response = client.post(write_url, write.data)
            expected = _staff_status(persona, user, write.permission, False)
            found.expect(
                response.status_code == expected,
                f"{persona}: POST {write_url} (branch {side}) answered "
                f"{response.status_code}, expected {expected}",
            )


def _rows(body):
    return body["results"] if isinstance(body, dict) else body


def _check_api(client, found, row, objects, persona, seen):
    api = row.api
    if api is None:
        return
    staff = persona in SEES
    for side, obj in objects.items():
        visible = api.public or not staff or side in seen
        fields_shown = staff and side in seen
        list_url = api.list(obj)
        response = client.get(list_url)
        found.expect(
            response.status_code == 200,
            f"{persona}: {list_url} answered {response.status_code}",
        )
        if response.status_code != 200:
            continue
        rows = [r for r in _rows(response.json()) if r.get("id") == obj.pk]
        found.expect(
            bool(rows) == visible,
            f"{persona}: {list_url} {'lists' if rows else 'lacks'} the record of branch {side}",
        )
        answers = [("list", r) for r in rows]
        if api.detail is not None:
            detail_url = api.detail(obj)
            response = client.get(detail_url)
            expected = 200 if visible else 404
            found.expect(
                response.status_code == expected,
                f"{persona}: {detail_url} answered {response.status_code}, expected {expected}",
            )
            if response.status_code == 200:
                answers.append(("detail", response.json()))
        for where, body in answers:
            for name in api.staff_fields:
                found.expect(
                    (name in body) == fields_shown,
                    f"{persona}: the API {where} of branch {side}'s record "
                    f"{'has' if name in body else 'lacks'} the staff-only field {name!r}",
                )


def _check_exports(client, found, row, objects, persona, seen):
    staff = persona in SEES
    for export in row.exports:
        response = client.get(export.url)
        # A staff export sends visitors to the login page and refuses customers.
        refused = {} if export.public else {"anonymous": 302, "customer": 403}
        expected = refused.get(persona, 200)
        found.expect(
            response.status_code == expected,
            f"{persona}: {export.url} answered {response.status_code}, expected {expected}",
        )
        if response.status_code != 200:
            continue
        ids = export.ids(response)
        for side, obj in objects.items():
            wanted = export.public or (staff and side in seen)
            held = export.id_of(obj) in ids
            found.expect(
                held == wanted,
                f"{persona}: {export.url} {'holds' if held else 'lacks'} the record of "
                f"branch {side}",
            )


# --- the admin: every registered model with a branch -----------------------------------------


ADMIN_PERSONAS = [*PERSONAS, "branch_administrator"]


def _admin_models():
    return sorted(m._meta.label_lower for m in admin.site._registry if declares_branch(m))


def test_every_admin_model_with_a_branch_is_in_the_table():
    assert set(_admin_models()) <= set(TABLE)


def _check_admin(client, found, label, objects, users):
    """The admin pages of the model, if it is registered there, for each persona."""
    if apps.get_model(label) not in admin.site._registry:
        return
    app_label, model_name = label.split(".")
    changelist = reverse(f"admin:{app_label}_{model_name}_changelist")
    change = {
        side: reverse(f"admin:{app_label}_{model_name}_change", args=[obj.pk])
        for side, obj in objects.items()
    }
    for persona in ADMIN_PERSONAS:
        _sign_in(client, users[persona])
        pages = [("changelist", None, changelist)] + [
            ("change page", side, page) for side, page in change.items()
        ]
        for what, side, page in pages:
            response = client.get(page)
            status, location = response.status_code, response.get("Location", "")
            if persona in ("anonymous", "customer"):
                found.expect(
                    status == 302 and location.startswith("/admin/login/"),
                    f"{persona}: {page} answered {status} {location}, expected the admin login",
                )
            elif persona in ("officer", "other_officer"):
                found.expect(
                    status == 302 and location == reverse("staff:home"),
                    f"{persona}: {page} answered {status} {location}, expected the console",
                )
            elif persona == "administrator":
                found.expect(status == 200, f"{persona}: {page} answered {status}")
            elif what == "change page":  # an administrator of branch a only
                ok = status in (200, 403) if side == "a" else status in (302, 403, 404)
                found.expect(ok, f"{persona}: {page} (branch {side}) answered {status}")
            else:
                found.expect(status in (200, 403), f"{persona}: {page} answered {status}")
            if what == "changelist" and status == 200:
                content = response.content.decode()
                for s, page_of_record in change.items():
                    listed = page_of_record in content
                    wanted = persona == "administrator" or s == "a"
                    found.expect(
                        listed == wanted,
                        f"{persona}: {changelist} {'lists' if listed else 'lacks'} the "
                        f"record of branch {s}",
                    )


def test_a_dispatcher_is_sent_from_the_admin_to_the_console_with_a_word_why(client, officer):
    client.force_login(officer)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == reverse("staff:home")
    assert "Админка — для администраторов" in response.content.decode()


def test_a_dispatcher_cannot_change_another_branchs_planned_work_through_the_admin(
    client, world, officer
):
    planned = world["b"]["outages.plannedoutage"]
    client.force_login(officer)
    response = client.post(
        reverse("admin:outages_plannedoutage_change", args=[planned.pk]),
        {"reason": "Перенесено", "status": PlannedStatus.CANCELLED},
    )
    assert response.status_code == 302 and response["Location"] == reverse("staff:home")
    planned.refresh_from_db()
    assert planned.reason == "Замена опор pskov"
    assert planned.status == PlannedStatus.SCHEDULED


def test_an_administrators_admin_edit_is_written_to_the_audit_log(client, world, administrator):
    planned = world["b"]["outages.plannedoutage"]
    tp = planned.substations.get()
    client.force_login(administrator)
    start = timezone.localtime(planned.starts_at)
    end = timezone.localtime(planned.ends_at)
    response = client.post(
        reverse("admin:outages_plannedoutage_change", args=[planned.pk]),
        {
            "branch": planned.branch_id,
            "district": "",
            "settlement": "",
            "starts_at_0": start.date().isoformat(),
            "starts_at_1": start.time().isoformat(timespec="seconds"),
            "ends_at_0": end.date().isoformat(),
            "ends_at_1": end.time().isoformat(timespec="seconds"),
            "reason": "Замена опор и изоляторов",
            "area_description": "",
            "substations": [tp.pk],
            "status": PlannedStatus.SCHEDULED,
            "customers_affected": planned.customers_affected,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    planned.refresh_from_db()
    assert planned.reason == "Замена опор и изоляторов"
    entry = AuditLogEntry.objects.get(
        object_type="outages.plannedoutage", object_id=str(planned.pk)
    )
    assert entry.actor == administrator
    assert entry.action == AuditAction.UPDATE
    assert entry.branch == planned.branch
    assert entry.details["via"] == "admin"
    assert "reason" in str(entry.details["changes"]).lower()


def test_the_admin_offers_a_branch_administrator_only_their_branch_in_choices(
    client, world, branch_administrator
):
    client.force_login(branch_administrator)
    response = client.get(reverse("admin:outages_plannedoutage_add"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Карельский филиал" in content
    assert "Псковский филиал" not in content


def test_the_network_map_data_ignore_a_branch_outside_the_scope(client, world, officer):
    client.force_login(officer)
    response = client.get(NETWORK_MAP, {"branch": "pskov"})
    assert response.status_code == 200
    assert response.json()["features"] == []
    own = client.get(NETWORK_MAP, {"branch": "karelia"}).json()["features"]
    assert {f["properties"]["id"] for f in own if f["properties"]["kind"] == "power_centre"} == {
        world["a"]["grid.powercentre"].pk
    }


def test_the_open_data_are_the_same_for_every_persona(client, world, personas):
    bodies = set()
    for persona in PERSONAS:
        _sign_in(client, personas[persona])
        bodies.add(client.get("/capacity/power-centres.csv").content)
    assert len(bodies) == 1
