"""The documents the company issues on an application — the contract, the technical conditions
(ТУ), the invoice and the connection act — as PDFs made from the application's data.

fpdf2 (the project's PDF library, as for the learn certificates) with the Unicode font that
`gridportal.core.pdf` finds. The documents are in Russian, the language they have force in. Each
function returns the bytes; `services/paperwork.py` stores them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from gridportal.core.pdf import new_pdf

LANGUAGE = "ru"


@dataclass(frozen=True)
class Paper:
    """A document to print: a title, a subtitle (number and date) and rows of label–value."""

    title: str
    subtitle: str
    rows: list[tuple[str, str]]
    paragraphs: list[str]


def render(paper: Paper) -> bytes:
    pdf = new_pdf(format="A4")
    pdf.set_title(paper.title)
    pdf.set_creator("Gridportal")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("Doc", "B", 14)
    pdf.multi_cell(0, 7, paper.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Doc", "", 11)
    pdf.multi_cell(0, 6, paper.subtitle, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for label, value in paper.rows:
        if pdf.will_page_break(15):
            pdf.add_page()
        top = pdf.get_y()
        pdf.set_font("Doc", "B", 10)
        pdf.multi_cell(60, 5, label, new_x="LMARGIN", new_y="NEXT")
        label_bottom = pdf.get_y()
        pdf.set_xy(pdf.l_margin + 62, top)
        pdf.set_font("Doc", "", 10)
        pdf.multi_cell(0, 5, value or "—", new_x="LMARGIN", new_y="NEXT")
        # a label that wraps further than its value must not run into the next row
        pdf.set_y(max(label_bottom, pdf.get_y()) + 1)
    pdf.ln(3)
    pdf.set_font("Doc", "", 10)
    for paragraph in paper.paragraphs:
        pdf.multi_cell(0, 5, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    return bytes(pdf.output())


def _day(day) -> str:
    return day.strftime("%d.%m.%Y") if day else "—"


def _money(amount) -> str:
    if amount is None:
        return "—"
    whole, _sep, cents = f"{amount:.2f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return "{} ₽".format("\u00a0".join(groups) + "," + cents)


def _parties(a) -> list[tuple[str, str]]:
    return [
        (_("Grid company"), a.branch.company.name + ", " + a.branch.name),
        (_("Applicant"), f"{a.applicant_name} ({a.get_applicant_kind_display()})"),
        (_("Identity document"), a.identity),
        (
            _("Application"),
            "{} {} {}".format(
                a.number,
                _("of"),
                _day(timezone.localtime(a.submitted_at).date() if a.submitted_at else None),
            ),
        ),
    ]


def _object(a) -> list[tuple[str, str]]:
    return [
        (_("Object"), a.get_object_kind_display()),
        (_("Address"), a.address.label),
        (_("Cadastral number"), a.cadastral_number),
        (
            _("Maximum power"),
            _("{new} kW new, {existing} kW already connected").format(
                new=a.power_new_kw, existing=a.power_existing_kw
            ),
        ),
        (_("Voltage"), a.get_voltage_display()),
        (_("Reliability category"), a.get_reliability_display()),
        (_("Applicant category"), a.get_category_display()),
    ]


def contract_paper(a, *, completion_label: str) -> Paper:
    with translation.override(LANGUAGE):
        return Paper(
            _("Contract for technological connection"),
            "№ {} {} {}".format(a.number, _("of"), _day(a.offer_on)),
            [
                *_parties(a),
                *_object(a),
                (_("Technical conditions"), a.tu_number),
                (_("Fee"), _money(a.fee_total)),
                (_("Term of the connection works"), completion_label),
                (_("Invoice to be paid by"), _day(a.payment_due)),
            ],
            [
                _(
                    "The grid company connects the applicant's devices to its network under the "
                    "technical conditions attached; the applicant carries out their part of the "
                    "technical conditions within their plot and tells the grid company when it is "
                    "done (the readiness notice)."
                ),
                _(
                    "These contract terms and the technical conditions posted in the personal "
                    "account are an offer. Paying the invoice accepts it: the contract is "
                    "concluded on the day of payment. If the invoice is not paid in time, the "
                    "application is annulled."
                ),
            ],
        )


def technical_conditions_paper(a, *, power_centre: str) -> Paper:
    with translation.override(LANGUAGE):
        return Paper(
            _("Technical conditions for connection to the electric grid"),
            "№ {} {} {}".format(a.tu_number, _("of"), _day(a.offer_on)),
            [
                *_parties(a),
                *_object(a),
                (_("Power centre"), power_centre),
                (_("Substation (ТП)"), a.substation_name),
                (_("Point of connection"), _("the boundary of the applicant's plot")),
            ],
            [
                _(
                    "The grid company: builds the line from the substation to the point of "
                    "connection and installs the metering device at the boundary of the plot."
                ),
                _(
                    "The applicant: builds the input from the point of connection to the "
                    "devices, with a switching and protection device of the rated current for the "
                    "maximum power, and then sends the readiness notice in the personal account."
                ),
            ],
        )


def invoice_paper(a) -> Paper:
    with translation.override(LANGUAGE):
        return Paper(
            _("Invoice for technological connection"),
            "№ {}-{} {} {}".format(_("INV"), a.number, _("of"), _day(a.offer_on)),
            [
                *_parties(a),
                (
                    _("For"),
                    _("Technological connection under contract № {number}").format(number=a.number),
                ),
                (_("Amount"), _money(a.fee_total)),
                (_("Pay by"), _day(a.payment_due)),
            ],
            [
                _(
                    "Paying this invoice accepts the offer of the contract for technological "
                    "connection. If it is not paid by the date above, the application is annulled."
                )
            ],
        )


def connection_act_paper(a) -> Paper:
    with translation.override(LANGUAGE):
        return Paper(
            _("Act of technological connection"),
            "№ {}-{} {} {}".format(_("ACT"), a.number, _("of"), _day(a.act_on)),
            [
                *_parties(a),
                *_object(a),
                (_("Contract"), "№ {} {} {}".format(a.number, _("of"), _day(a.paid_on))),
                (_("Technical conditions"), a.tu_number),
                (_("Substation (ТП)"), a.substation_name),
                (_("Company's works done on"), _day(a.company_works_on)),
                (_("Readiness notice of"), _day(a.readiness_notice_on)),
                (_("Inspected on"), _day(a.inspected_on)),
            ],
            [
                _(
                    "The technical conditions have been carried out by both parties and checked. "
                    "The applicant's devices are connected to the grid company's network with the "
                    "maximum power, voltage and reliability category above. The boundary of "
                    "ownership and of operational responsibility is the point of connection."
                )
            ],
        )
