"""Demo connection data: example rates per region, request-intentions and applications in
every stage (some overdue) across the branches that `seed_demo` made."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from gridportal.accounts.services import customer_register
from gridportal.core.intake import Origin
from gridportal.core.models import Branch
from gridportal.core.selectors import working_calendar
from gridportal.core.uploads import upload_accept
from gridportal.grid.models import ServiceAddress

from .choices import WORK_STAGES, Stage
from .models import ConnectionApplication, ConnectionRate
from .services import IntentionSubmission, intention_submit
from .services import applications as services

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NAMES = [
    "Иванов Пётр",
    "Смирнова Ольга",
    "ООО «Северный хлеб»",
    "ИП Кузнецов А. В.",
    "Волкова Мария",
]
EXAMPLE = "Пример для демонстрации, не проверено по приказу органа регулирования тарифов"


def _address(rng, branch):
    ids = list(
        ServiceAddress.objects.filter(branch=branch, substation__isnull=False).values_list(
            "id", flat=True
        )[:400]
    )
    return (
        ServiceAddress.objects.select_related("street__settlement", "branch", "substation").get(
            pk=rng.choice(ids)
        )
        if ids
        else None
    )


@transaction.atomic
def seed(*, seed: int = 1) -> dict:
    rng = random.Random(seed)
    today = timezone.localdate()
    origin = Origin(channel="web", ip_address="192.0.2.10")
    counts = {"rates": 0, "intentions": 0, "applications": 0}
    for b_index, branch in enumerate(Branch.objects.order_by("code")):
        for year in (today.year - 1, today.year):
            preferential = Decimal(rng.choice([4300, 5000, 5423.11, 6000, 7000]))
            ConnectionRate.objects.update_or_create(
                branch=branch,
                year=year,
                defaults={
                    "preferential_per_kw": preferential,
                    "social_per_kw": Decimal(rng.choice([1000, 1064, 1100])),
                    "c1_per_application": Decimal(rng.choice([25000, 30000, 35000])),
                    "c8_per_point": Decimal(rng.choice([20000, 25000])),
                    "construction_per_kw": Decimal(rng.choice([2500, 3000, 3500])),
                    "source": EXAMPLE,
                    "verified": False,
                },
            )
            counts["rates"] += 1
        for i in range(3):
            address = _address(rng, branch)
            if address is None:
                continue
            intention_submit(
                submission=IntentionSubmission(
                    address=address,
                    applicant_kind=rng.choice(["individual", "individual", "legal"]),
                    object_kind=rng.choice(["house", "dacha", "shop", "ev_charger"]),
                    power_new_kw=Decimal(rng.choice([10, 15, 50, 100, 250])),
                    voltage="0.4",
                    reliability="3",
                    name=rng.choice(NAMES),
                    email=f"lead{b_index}{i}@example.ru",
                    consent_given=True,
                ),
                origin=Origin(channel="web", ip_address=f"192.0.2.{b_index * 10 + i + 1}"),
            )
            counts["intentions"] += 1
        customer = customer_register(
            email=f"zayavitel.{branch.code}@example.ru", password="demo-demo-demo-1"
        )
        for stage in (
            Stage.RECEIVED,
            Stage.INCOMPLETE,
            Stage.OFFER,
            Stage.PAID,
            Stage.INSPECTION,
            Stage.INSPECTED,
            Stage.ACT_ISSUED,
            Stage.COMPLETED,
            Stage.ANNULLED,
        ):
            address = _address(rng, branch)
            if address is None:
                continue
            a = services.application_draft_save(
                customer=customer,
                data={
                    "address": address,
                    "applicant_kind": "individual",
                    "applicant_name": rng.choice(NAMES[:2] + NAMES[4:]),
                    "identity": f"8601 {rng.randint(1, 999999):06d}, выдан 01.02.2015",
                    "cadastral_number": f"10:01:{rng.randint(1, 9999999):07d}:{rng.randint(1, 999)}",
                    "object_kind": "house",
                    "reason": "new",
                    "power_new_kw": Decimal(rng.choice([10, 15])),
                    "voltage": "0.4",
                    "reliability": "3",
                    "supplier": "Гарантирующий поставщик региона",
                },
                documents=[
                    ("location_plan", upload_accept(name="plan.pdf", content=PDF, kinds=("pdf",)))
                ],
            )
            a = services.application_submit(application=a, origin=origin, consent=True)
            if stage == Stage.INCOMPLETE:
                services.application_documents_request(
                    application=a,
                    actor=None,
                    text="Приложите правоустанавливающий документ на участок.",
                )
            works = stage in WORK_STAGES
            after = WORK_STAGES[: WORK_STAGES.index(stage) + 1] if stage in WORK_STAGES else []
            if stage in (Stage.OFFER, Stage.ANNULLED) or works:
                centre = address.substation.feeder.power_centre_id
                services.application_offer_issue(
                    application=a,
                    actor=None,
                    power_centre_id=centre,
                    substation_name=address.substation.name,
                    fee_total=Decimal("55000"),
                )
            if works:
                services.application_payment_record(application=a, actor=None, paid_on=today)
            if Stage.INSPECTION in after:
                services.application_company_works_done(application=a, actor=None, done_on=today)
                services.application_readiness_notice(
                    application=a, customer=customer, text="Вводное устройство смонтировано."
                )
            if Stage.INSPECTED in after:
                services.application_inspection_record(
                    application=a, actor=None, inspected_on=today, note="Замечаний нет."
                )
            if Stage.ACT_ISSUED in after:
                services.application_act_issue(application=a, actor=None)
            if Stage.COMPLETED in after:
                services.application_complete(application=a, actor=None)
            if stage == Stage.ANNULLED:
                # The offer went out weeks ago and the invoice stayed unpaid past its term.
                a.refresh_from_db()
                term = (a.payment_due - a.offer_on) if a.offer_on and a.payment_due else None
                a.offer_on = today - dt.timedelta(days=30)
                a.payment_due = a.offer_on + (term or dt.timedelta(days=7))
                a.save(update_fields=["offer_on", "payment_due"])
                services.applications_annul_unpaid(today=today)
            counts["applications"] += 1
        # One application of each branch is overdue: received weeks ago, offer not issued.
        late = ConnectionApplication.objects.filter(branch=branch, stage=Stage.RECEIVED).first()
        if late is not None:
            past = today - dt.timedelta(days=40)
            late.submitted_at = timezone.now() - dt.timedelta(days=40)
            late.offer_due = working_calendar().add_working_days(past, 10)
            late.save(update_fields=["submitted_at", "offer_due"])
    return counts
