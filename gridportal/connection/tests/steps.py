"""Walking an application through the steps after payment, for tests that need it done."""

from decimal import Decimal as D

from gridportal.connection.services import applications as services
from gridportal.core.intake import Origin
from gridportal.core.uploads import upload_accept

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def submitted(customer, home):
    """A registered application of 15 kW for a house at `home`, with its location plan."""
    a = services.application_draft_save(
        customer=customer,
        data={
            "address": home,
            "applicant_kind": "individual",
            "applicant_name": "Петрова Анна Сергеевна",
            "identity": "8601 123456",
            "object_kind": "house",
            "reason": "new",
            "power_new_kw": D("15"),
            "voltage": "0.4",
            "reliability": "3",
            "supplier": "АО «ТНС энерго Карелия»",
        },
        documents=[("location_plan", upload_accept(name="plan.pdf", content=PDF, kinds=("pdf",)))],
    )
    return services.application_submit(application=a, origin=Origin(channel="web"), consent=True)


def paid_application(customer, home, officer):
    """`submitted`, offered (capacity committed, papers issued) and paid the day of the offer."""
    a = submitted(customer, home)
    services.application_offer_issue(
        application=a,
        actor=officer,
        power_centre_id=home.substation.feeder.power_centre_id,
        substation_name="ТП-110",
        fee_total=D("75000"),
    )
    return services.application_payment_record(application=a, actor=officer, paid_on=a.offer_on)


def energize(application, *, officer, customer=None, until="completed"):
    """From «paid» through the works on both sides, the inspection and the act, to `until`."""
    a = application
    day = a.paid_on
    services.application_company_works_done(application=a, actor=officer, done_on=day)
    a = services.application_readiness_notice(application=a, customer=customer or a.customer)
    if until == "inspection":
        return a
    a = services.application_inspection_record(
        application=a, actor=officer, inspected_on=a.readiness_notice_on
    )
    if until == "inspected":
        return a
    a = services.application_act_issue(application=a, actor=officer)
    if until == "act_issued":
        return a
    return services.application_complete(application=a, actor=officer)


STEP_DATA = {
    "applicant": {
        "applicant_kind": "individual",
        "applicant_name": "Петрова Анна Сергеевна",
        "identity": "8601 123456, МВД по Республике Карелия, 01.02.2015",
    },
    "object": {"cadastral_number": "10:01:0100101:55", "object_kind": "house", "reason": "new"},
    "power": {
        "power_new_kw": "15",
        "power_existing_kw": "0",
        "voltage": "0.4",
        "reliability": "3",
        "supplier": "АО «ТНС энерго Карелия»",
    },
    "attachments": {},
    "review": {"consent": "on"},
}


def plan():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")


def walk(client, home, *, until="review", **changes):
    """Fill the application step by step through the pages, as a person would; `changes`
    replace a step's fields (a file field takes an upload). Returns the last response."""
    from django.urls import reverse

    from gridportal.connection.forms import STEP_NAMES
    from gridportal.connection.models import ConnectionApplication

    response = None
    for step in STEP_NAMES[: STEP_NAMES.index(until) + 1]:
        data = {**STEP_DATA[step]}
        if step == "attachments":
            data["location_plan"] = plan()
        data.update({k: v for k, v in changes.items() if k in _fields(step)})
        if step == "applicant":
            url = reverse("connection:application-new") + f"?address={home.pk}"
        else:
            draft = ConnectionApplication.objects.filter(stage="draft").latest("pk")
            url = reverse("connection:step", args=[draft.pk, step])
        response = client.post(url, data)
        if response.status_code != 302:
            return response
    return response


def _fields(step):
    from gridportal.connection.forms import STEPS

    return next(fields for slug, _t, fields in STEPS if slug == step)
