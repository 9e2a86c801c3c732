"""Walking an application through the steps after payment, for tests that need it done."""

from gridportal.connection.services import applications as services


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
