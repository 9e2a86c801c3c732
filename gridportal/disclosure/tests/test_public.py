"""The public pages: registry, document, guides, «Раскрытие информации», feed, API."""

import datetime as dt

import pytest
from django.urls import reverse

from gridportal.disclosure import services
from gridportal.disclosure.choices import GuideStatus
from gridportal.disclosure.markdown import markdown_html
from gridportal.disclosure.models import Document, GuideFeedback

pytestmark = pytest.mark.django_db


def test_the_registry_finds_by_word_form_and_marks_the_match(client, rules_861):
    response = client.get("/documents/", {"q": "присоединение"})
    assert response.status_code == 200
    content = response.content.decode()
    assert rules_861.get_absolute_url() in content
    assert "<mark>" in content


def test_bad_filters_answer_400_with_a_message(client, rules_861):
    response = client.get("/documents/", {"year": "двадцать", "kind": "poem"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode() or "Выберите" in (
        response.content.decode()
    )


def test_a_document_has_a_stable_url_and_one_by_number(client, rules_861):
    url = rules_861.get_absolute_url()
    assert (
        url
        == f"/documents/{rules_861.pk}-861-ob-utverzhdenii-pravil-tekhnologicheskogo-prisoedineniya-energoprinimayushchikh-ustroystv/"
    )
    assert client.get(url).status_code == 200
    assert client.get(f"/documents/{rules_861.pk}/").url == url
    assert client.get(f"/documents/{rules_861.pk}-wrong-slug/").url == url
    assert client.get("/documents/number/861/").url == url
    assert client.get("/documents/number/999/").status_code == 404


def test_the_file_is_downloaded_with_its_size_shown(client, rules_861):
    page = client.get(rules_861.get_absolute_url()).content.decode()
    assert "PDF," in page and "КБ" in page or "KB" in page
    response = client.get(reverse("disclosure:file", args=[rules_861.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_superseded_document_points_to_its_successor_and_shows_what_changed(
    client, rules_861, editor
):
    from .test_services import _new_version

    new = _new_version(rules_861, actor=editor, publish=True, paragraphs=["Новый текст."])
    old_page = client.get(rules_861.get_absolute_url()).content.decode()
    assert 'data-testid="successor"' in old_page
    assert new.get_absolute_url() in old_page
    new_page = client.get(new.get_absolute_url()).content.decode()
    assert "Срок размещения договора сокращён." in new_page
    assert 'class="diff-added"' in new_page and 'class="diff-removed"' in new_page


def test_markdown_with_script_is_sanitised(client, connection_guide):
    html = markdown_html(
        "Шаг <b onclick='y()'>1</b>\n\n<script>alert(1)</script>\n\n"
        "[x](javascript:alert(1)) <img src=x onerror=alert(1)> <a href='javascript:z()'>z</a>"
        "\n\n[личный кабинет](https://lk.example.ru/)"
    )
    assert "<script" not in html and "alert(1)</" not in html
    assert "onclick" not in html and "onerror" not in html and "<img" not in html
    assert 'href="javascript' not in html
    assert '<a href="https://lk.example.ru/" rel="noopener noreferrer">личный кабинет</a>' in html
    services.guide_save(
        guide=connection_guide,
        title="Присоединение",
        body="Текст <script>alert('x')</script> и [ссылка](javascript:alert(1))",
        status=GuideStatus.PUBLISHED,
    )
    page = client.get("/guides/connection/").content.decode()
    main = page.split('id="main"')[1]
    assert "<script>alert" not in main and 'href="javascript' not in main
    assert "Текст" in main


def test_the_connection_guide_leads_to_the_request_intention(client, connection_guide):
    page = client.get("/guides/connection/").content.decode()
    assert f'href="{reverse("connection:intention")}"' in page


def test_a_draft_guide_is_not_public(client, connection_guide):
    services.guide_save(guide=connection_guide, title="t", body="b", status=GuideStatus.DRAFT)
    assert client.get("/guides/connection/").status_code == 404


def test_was_this_helpful_is_recorded(client, connection_guide):
    response = client.post("/guides/connection/feedback/", {"helpful": "yes"})
    assert response.status_code == 302
    assert GuideFeedback.objects.get().helpful is True
    assert client.post("/guides/connection/feedback/", {"helpful": "maybe"}).status_code == 400


def test_the_disclosure_page_lists_items_with_latest_publication_and_archive(
    client, free_capacity_item
):
    services.publication_record(item=free_capacity_item, period="2026-Q3", url="/capacity/q3/")
    services.publication_record(item=free_capacity_item, period="2026-Q4", url="/capacity/q4/")
    page = client.get("/disclosure/").content.decode()
    assert "Свободная мощность центров питания" in page
    assert page.index("/capacity/q4/") < page.index("/capacity/q3/")


def test_the_atom_feed_lists_new_documents(client, rules_861):
    response = client.get("/documents/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Об утверждении Правил" in response.content.decode()


def test_the_api_searches_with_the_same_morphology_and_is_strict(client, rules_861, editor):
    from .test_services import _new_version

    new = _new_version(rules_861, actor=editor, publish=True)
    body = client.get("/api/v1/documents/", {"q": "присоединение"}).json()
    ids = [row["id"] for row in body["results"]]
    assert set(ids) == {rules_861.pk, new.pk}
    old = next(r for r in body["results"] if r["id"] == rules_861.pk)
    assert old["superseded_by"] == new.pk and old["status"] == "superseded"
    assert "<mark>" in old["headline"]
    assert client.get("/api/v1/documents/", {"year": "x"}).status_code == 400
    assert client.get("/api/v1/documents/", {"status": "lost"}).status_code == 400
    assert client.get("/api/v1/documents/", {"kind": ""}).status_code == 400
    assert client.get("/api/v1/documents/", {"status": "superseded"}).json()["count"] == 1
    detail = client.get(f"/api/v1/documents/{new.pk}/").json()
    assert detail["supersedes"] == rules_861.pk


def test_the_api_lists_guides_and_disclosure_items(client, connection_guide, free_capacity_item):
    services.publication_record(item=free_capacity_item, period="2026-Q3")
    guide = client.get("/api/v1/guides/connection/").json()
    assert guide["html"].startswith("<h2>")
    items = client.get("/api/v1/disclosure-items/").json()["results"]
    assert items[0]["publications"][0]["period"] == "2026-Q3"
    assert client.get("/api/v1/guides/none/").status_code == 404


def test_staff_calendar_shows_an_overdue_item_in_red(client, editor, free_capacity_item):
    client.force_login(editor)
    page = client.get("/staff/disclosure/").content.decode()
    row = page[page.index('data-item="free_capacity"') - 40 :]
    assert 'class="overdue"' in row[:60]


def test_staff_marks_a_period_published(client, editor, free_capacity_item):
    client.force_login(editor)
    response = client.post(
        f"/staff/disclosure/items/{free_capacity_item.pk}/publish/",
        {"period": "2026-Q3", "url": "/capacity/"},
    )
    assert response.status_code == 302
    assert free_capacity_item.publications.get().period == "2026-Q3"
    client.post(f"/staff/disclosure/items/{free_capacity_item.pk}/publish/", {"period": "2026-13"})
    assert free_capacity_item.publications.count() == 1


def test_a_dispatcher_cannot_use_the_disclosure_console(client, officer):
    client.force_login(officer)
    assert client.get("/staff/disclosure/").status_code == 403
    assert client.get("/staff/disclosure/documents/new/").status_code == 403


def test_staff_guide_preview_renders_without_saving(client, editor, connection_guide):
    client.force_login(editor)
    response = client.post(
        "/staff/disclosure/guides/connection/",
        {
            "title": "Новое",
            "body": "**жирный** <script>x()</script>",
            "status": "draft",
            "preview": "1",
        },
    )
    content = response.content.decode()
    assert "<strong>жирный</strong>" in content and "<script>x()" not in content
    connection_guide.refresh_from_db()
    assert connection_guide.title == "Технологическое присоединение"
    client.post(
        "/staff/disclosure/guides/connection/",
        {"title": "Новое", "body": "Текст", "status": "published", "save": "1"},
    )
    assert connection_guide.revisions.count() == 2
    assert dt.date.today()  # history kept


def test_an_upload_that_is_not_a_pdf_or_docx_is_refused_with_a_message(client, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(editor)
    response = client.post(
        "/staff/disclosure/documents/new/",
        {
            "kind": "form",
            "date": "2026-01-01",
            "issuing_body": "Компания",
            "title": "Форма",
            "status": "in_force",
            "file": SimpleUploadedFile("form.pdf", b"just text, not a PDF"),
        },
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.status_code == 400
    assert "Upload a PDF or DOCX file." in response.content.decode() or (
        "Загрузите файл PDF или DOCX." in response.content.decode()
    )
    assert not Document.objects.exists()
