"""The contract, the technical conditions, the invoice and the connection act: PDFs made from
the application when staff issue them, linked from the timeline, downloadable only by the
applicant and by staff of the branch (audited); another customer and another branch get 404."""

import io
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from gridportal.connection.services import applications as services
from gridportal.core.models import AuditLogEntry

from .steps import PDF, energize, submitted

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF")
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)


def url_of(a, kind, *, staff=False):
    d = a.documents.get(kind=kind)
    name = "staff:connection:application-document" if staff else "connection:application-document"
    return reverse(name, args=[a.number, d.pk])


def test_the_offer_brings_the_contract_the_conditions_and_the_invoice_as_pdfs(
    client, paid, customer
):
    client.force_login(customer)
    assert set(paid.documents.values_list("kind", flat=True)) >= {
        "contract",
        "technical_conditions",
        "invoice",
    }
    contract = text_of(client.get(url_of(paid, "contract")))
    assert "Договор об осуществлении технологического присоединения" in contract
    assert paid.number in contract and "Петрова Анна Сергеевна" in contract
    assert "75 000,00 ₽" in contract.replace("\xa0", " ")
    conditions = text_of(client.get(url_of(paid, "technical_conditions")))
    assert paid.tu_number in conditions and "ТП-110" in conditions
    assert "ПС 110 кВ «Северная»" in conditions
    invoice = text_of(client.get(url_of(paid, "invoice")))
    assert paid.payment_due.strftime("%d.%m.%Y") in invoice
    page = client.get(reverse("connection:application", args=[paid.number])).content.decode()
    for kind in ("contract", "technical_conditions", "invoice"):
        assert url_of(paid, kind) in page  # linked from the timeline


def test_the_connection_act_is_issued_after_the_inspection(
    client, paid, customer, connection_officer
):
    a = energize(paid, officer=connection_officer, until="act_issued")
    client.force_login(customer)
    act = text_of(client.get(url_of(a, "connection_act")))
    assert "Акт об осуществлении технологического присоединения" in act
    assert a.inspected_on.strftime("%d.%m.%Y") in act
    page = client.get(reverse("connection:application", args=[a.number])).content.decode()
    assert url_of(a, "connection_act") in page


def test_only_the_applicant_and_staff_of_the_branch_download_them(
    client, paid, other_customer, connection_officer, other_connection_officer
):
    for kind in ("contract", "technical_conditions", "invoice"):
        client.force_login(other_customer)
        assert client.get(url_of(paid, kind)).status_code == 404
        client.force_login(other_connection_officer)
        assert client.get(url_of(paid, kind, staff=True)).status_code == 404
    client.force_login(connection_officer)
    before = AuditLogEntry.objects.filter(actor=connection_officer, action="view").count()
    response = client.get(url_of(paid, "invoice", staff=True))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    entry = AuditLogEntry.objects.filter(actor=connection_officer, action="view").latest("at")
    assert (
        AuditLogEntry.objects.filter(actor=connection_officer, action="view").count() == before + 1
    )
    assert entry.details["kind"] == "invoice" and entry.details["number"] == paid.number


def test_an_applicant_cannot_pass_off_a_file_as_the_companys_document(
    client, customer, home, connection_officer, private_files
):
    a = submitted(customer, home)
    services.application_documents_request(application=a, actor=connection_officer, text="План")
    client.force_login(customer)
    upload = SimpleUploadedFile("contract.pdf", PDF, content_type="application/pdf")
    response = client.post(
        reverse("connection:application", args=[a.number]), {"kind": "contract", "document": upload}
    )
    assert response.status_code == 400
    assert not a.documents.filter(kind="contract").exists()


def test_the_fee_is_written_with_a_space_between_thousands(paid):
    from gridportal.connection.papers import _money

    assert _money(D("1234567.5")) == "1\u00a0234\u00a0567,50 ₽"
    assert _money(D("0")) == "0,00 ₽"
