"""Search finds documents by another word form, by a phrase inside the file, and filters.

These run on the database the suite runs on: SQLite (the stems) and PostgreSQL
(full-text search with the `russian` configuration).
"""

import datetime as dt

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gridportal.disclosure import selectors, services
from gridportal.disclosure.choices import DocumentKind, DocumentStatus
from gridportal.disclosure.selectors import DocumentFilters, document_search

from .factories import docx_bytes, pdf_upload

pytestmark = pytest.mark.django_db


def _titles(filters):
    return [d.title for d in document_search(filters)]


def _law_59():
    return services.document_create(
        data=services.DocumentData(
            kind=DocumentKind.FEDERAL_LAW,
            number="59-ФЗ",
            date=dt.date(2006, 5, 2),
            issuing_body="Федеральное Собрание Российской Федерации",
            title="О порядке рассмотрения обращений граждан Российской Федерации",
            summary="Сроки и порядок рассмотрения письменных обращений.",
            topics=["appeals"],
        ),
        publish=True,
    )


def test_another_word_form_finds_the_document(rules_861):
    _law_59()
    # The title says «присоединения», the person types «присоединение».
    assert _titles(DocumentFilters(q="присоединение")) == [rules_861.title]
    assert _titles(DocumentFilters(q="обращение граждан")) == [
        "О порядке рассмотрения обращений граждан Российской Федерации"
    ]


def test_a_phrase_inside_the_pdf_finds_the_document(rules_861):
    _law_59()
    assert "типового договора" in rules_861.file_text
    assert _titles(DocumentFilters(q='"условия типового договора"')) == [rules_861.title]
    assert _titles(DocumentFilters(q="личном кабинете")) == [rules_861.title]
    assert _titles(DocumentFilters(q='"договора условия"')) == []


def test_the_result_shows_the_match_highlighted_and_escaped(rules_861):
    [found] = document_search(DocumentFilters(q="кабинет"))
    headline = selectors.headlines([found], "кабинет")[found.pk]
    assert "<mark>кабинет" in headline


def test_text_inside_a_docx_is_searchable(db):
    from gridportal.core.uploads import upload_accept

    upload = upload_accept(
        name="passport.docx",
        content=docx_bytes(["Паспорт услуги: опломбирование прибора учёта в течение 5 дней."]),
        kinds=("pdf", "docx"),
    )
    assert upload.kind == "docx"
    document = services.document_create(
        data=services.DocumentData(
            kind=DocumentKind.SERVICE_PASSPORT,
            date=dt.date(2025, 3, 1),
            issuing_body="ПАО «Россети Северо-Запад»",
            title="Паспорт услуги по опломбированию",
        ),
        upload=upload,
        publish=True,
    )
    assert "опломбирование" in document.file_text
    assert _titles(DocumentFilters(q="опломбированием")) == [document.title]


def test_filters_narrow_by_status_year_kind_and_topic(rules_861):
    law = _law_59()
    assert _titles(DocumentFilters(kind=DocumentKind.FEDERAL_LAW)) == [law.title]
    assert _titles(DocumentFilters(year=2004)) == [rules_861.title]
    assert _titles(DocumentFilters(topic="appeals")) == [law.title]
    assert _titles(DocumentFilters(status=DocumentStatus.SUPERSEDED)) == []


def test_drafts_are_not_found(rules_861):
    services.document_create(
        data=services.DocumentData(
            kind=DocumentKind.FORM,
            date=dt.date(2026, 1, 1),
            issuing_body="Компания",
            title="Черновик формы заявки на присоединение",
        ),
    )
    assert _titles(DocumentFilters(q="присоединение")) == [rules_861.title]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search")
def test_postgresql_keeps_a_stored_vector_and_ranks_title_over_body(rules_861):
    services.document_create(
        data=services.DocumentData(
            kind=DocumentKind.FORM,
            date=dt.date(2026, 1, 1),
            issuing_body="Компания",
            title="Форма заявки",
            summary="",
        ),
        upload=pdf_upload("Форма", ["Заявка на технологическое присоединение."]),
        publish=True,
    )
    rules_861.refresh_from_db()
    assert rules_861.search_vector
    assert _titles(DocumentFilters(q="присоединение"))[0] == rules_861.title


def _document(title, summary, number=""):
    return services.document_create(
        data=services.DocumentData(
            kind=DocumentKind.COMPANY_STANDARD,
            number=number,
            date=dt.date(2025, 3, 1),
            issuing_body="ПАО «Россети Северо-Запад»",
            title=title,
            summary=summary,
            topics=["connection"],
        ),
        publish=True,
    )


def test_an_abbreviation_finds_its_full_forms_and_itself(rules_861):
    """A householder types «ТП»: the connection rules, a page about a transformer substation
    and a page that says «ТП» are all found; the glossary's «ТП» means both."""
    substation = _document(
        "Порядок допуска к трансформаторной подстанции",
        "Кто и когда может войти в трансформаторную подстанцию.",
    )
    literal = _document("График осмотров ТП на 2025 год", "Осмотры по районам.")
    unrelated = _document("Регламент приёма обращений", "Сроки ответа на обращения.")
    found = set(_titles(DocumentFilters(q="ТП")))
    assert found == {rules_861.title, substation.title, literal.title}
    assert unrelated.title not in found
    # Lower case and with another word, which narrows as any word does.
    assert set(_titles(DocumentFilters(q="тп сроки"))) == {rules_861.title}


def test_a_quoted_or_dispatch_name_abbreviation_is_taken_literally(rules_861):
    literal = _document("График осмотров ТП на 2025 год", "Осмотры по районам.")
    assert _titles(DocumentFilters(q='"ТП"')) == [literal.title]
    # «ТП-110» is a dispatch name, not the abbreviation on its own.
    _document("Технологическое присоединение к ПС 110 кВ", "Заявки на присоединение.")
    assert _titles(DocumentFilters(q="ТП-110")) == []
    cok = _document("Центры обслуживания клиентов", "Адреса и часы работы.")
    assert _titles(DocumentFilters(q="ЦОК")) == [cok.title]
    assert _titles(DocumentFilters(q="ЦОКИ")) == []


def test_the_full_form_found_by_an_abbreviation_is_highlighted(rules_861):
    [found] = document_search(DocumentFilters(q="ТП"))
    headline = selectors.headlines([found], "ТП")[found.pk]
    assert "<mark>технологического</mark>" in headline
    assert "<mark>присоединения" in headline


def test_a_full_form_typed_out_finds_its_abbreviation_when_it_means_one_thing(rules_861):
    literal = _document("Часы работы ЦОК в праздники", "Режим работы в январе.")
    spelled = _document("Центры обслуживания клиентов", "Адреса и часы работы.")
    _document("Клиентам о тарифах", "Как рассчитать плату.")
    # Another word form, and the words around it narrow as any do.
    assert set(_titles(DocumentFilters(q="центр обслуживания клиентов"))) == {
        literal.title,
        spelled.title,
    }
    assert _titles(DocumentFilters(q="праздники центров обслуживания клиентов")) == [literal.title]
    # «ТП» has two full forms: a page that says only «ТП» may mean the other one.
    _document("График осмотров ТП на 2025 год", "Осмотры по районам.")
    assert _titles(DocumentFilters(q="технологическое присоединение")) == [rules_861.title]


_TYPED = st.lists(
    st.sampled_from(
        [
            "ТП",
            "тп-110",
            "-ЦОК",
            '"',
            "центр",
            "обслуживания",
            "клиентов",
            "прибор",
            "учёта",
            "индивидуальный",
            "подстанции",
            "or",
            "-",
            "ПС",
            "«ЛЭП»",
            "договор",
            "861",
            " ",
        ]
    )
    | st.text(alphabet="тпцокабв -\"'ё1", max_size=6),
    max_size=8,
).map(" ".join)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_TYPED)
def test_whatever_is_typed_the_search_answers_and_highlights(rules_861, text):
    """Quotes left open, a dash before an abbreviation, a full form cut in two: a list."""
    found = list(document_search(DocumentFilters(q=text)))
    if not text.strip():
        return  # no search: the whole registry
    assert set(found) <= {rules_861}
    if found:
        assert found[0].pk in selectors.headlines(found, text)
