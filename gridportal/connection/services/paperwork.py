"""The company's documents on an application, generated as PDFs and kept through the shared
upload module: the contract, the technical conditions and the invoice with the offer, the
connection act after the inspection. The applicant downloads them from the timeline."""

from __future__ import annotations

import logging

from django.conf import settings
from django.utils import translation

from gridportal.core.pdf import FontMissing
from gridportal.core.uploads import upload_accept

from .. import deadlines, papers
from ..choices import DocumentKind
from ..rules import rule_values
from .events import documents_store

logger = logging.getLogger(__name__)


def _pdf(kind: str, application, paper: papers.Paper):
    name = "{}-{}.pdf".format(kind.replace("_", "-"), application.number)
    try:
        content = papers.render(paper)
    except FontMissing:
        if not settings.DEBUG:
            raise  # production has the font (check --deploy, core.E002): refuse, 503
        # The embedded tier on a machine without the font: the stage is recorded and
        # the document is not made (the system check warned at start-up).
        logger.warning("no Unicode font: %s of %s not generated", kind, application.number)
        return kind, None
    return kind, upload_accept(name=name, content=content, kinds=("pdf",))


def offer_papers_issue(*, application) -> list:
    """The contract, the technical conditions and the invoice of the offer just made."""
    from gridportal.grid.models import PowerCentre

    centre = PowerCentre.objects.filter(pk=application.power_centre_id_committed).first()
    with translation.override(papers.LANGUAGE):
        term = deadlines.completion_term(
            category=application.category,
            voltage_kv=application.voltage,
            distance_m=None,
            rural=application.address.street.settlement.kind in ("village", "hamlet"),
            values=rule_values(application.offer_on),
        )
        completion = f"{term.label()} ({term.why})"
    return documents_store(
        application,
        [
            _pdf(
                DocumentKind.CONTRACT,
                application,
                papers.contract_paper(application, completion_label=completion),
            ),
            _pdf(
                DocumentKind.TECHNICAL_CONDITIONS,
                application,
                papers.technical_conditions_paper(
                    application, power_centre=centre.name if centre else ""
                ),
            ),
            _pdf(DocumentKind.INVOICE, application, papers.invoice_paper(application)),
        ],
    )


def act_paper_issue(*, application) -> list:
    return documents_store(
        application,
        [
            _pdf(
                DocumentKind.CONNECTION_ACT,
                application,
                papers.connection_act_paper(application),
            )
        ],
    )
