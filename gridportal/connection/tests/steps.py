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
