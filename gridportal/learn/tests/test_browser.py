"""A child, a teacher and a household go through the learning pages in a real browser."""

import io

import pytest
from pypdf import PdfReader

from gridportal.learn.models import ClassResult, Lesson
from gridportal.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, selector, limit=300):
    """Move the focus with the Tab key only until it reaches the element."""
    target = page.locator(selector)
    for _ in range(limit):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def tab_to_group(page, name, limit=300):
    """Tab until the focus is in the radio group of that name (Tab enters a group once)."""
    for _ in range(limit):
        if page.evaluate("n => document.activeElement && document.activeElement.name === n", name):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached the group {name}")


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"page is {width}px wide"


def answer_right(page, lesson):
    for question in lesson.questions.all():
        right = next(c for c in question.choices.all() if c.correct)
        page.check(f"input[name=q{question.pk}][value='{right.pk}']")


def test_a_child_reads_a_lesson_passes_the_quiz_and_downloads_the_certificate(page, learn_demo):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/learn/safety/")
    assert_accessible(page)
    no_sideways_scroll(page)
    page.get_by_role("link", name="Если провод упал").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Если провод упал"
    assert page.locator("img[alt]").count() == 1
    assert_accessible(page)
    no_sideways_scroll(page)
    page.get_by_test_id("quiz-link").click()
    assert_accessible(page)

    # Keyboard only: Tab to each question's right answer and choose it with Space.
    lesson = Lesson.objects.get(slug="upal-provod")
    for question in lesson.questions.all():
        choices = list(question.choices.all())
        right = next(i for i, c in enumerate(choices) if c.correct)
        tab_to_group(page, f"q{question.pk}")
        page.keyboard.press("Space")  # the first answer
        for _ in range(right):
            page.keyboard.press("ArrowDown")  # arrows move the choice inside a radio group
        assert page.is_checked(f"input[name=q{question.pk}][value='{choices[right].pk}']")
    tab_to(page, "form.quiz button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "3" in page.get_by_test_id("score").inner_text()
    assert_accessible(page)
    no_sideways_scroll(page)

    tab_to(page, "#id_name")
    page.keyboard.type("Снежана")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    pdf = download.value.path().read_bytes()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Снежана" in text


def test_a_teachers_class_code_collects_two_childrens_results(
    page, browser, live_server, learn_demo, customer, login
):
    login(customer)
    page.goto("/learn/safety/teacher/")
    assert_accessible(page)
    page.fill("#id_label", "3 «Б»")
    page.get_by_role("button", name="Get a class code").or_(
        page.get_by_role("button", name="Получить код класса")
    ).click()
    code = page.get_by_test_id("class-code").inner_text()
    assert_accessible(page)

    lesson = Lesson.objects.get(slug="zimoy")
    for _child in range(2):
        context = browser.new_context(base_url=live_server.url, locale="ru-RU")
        child = context.new_page()
        child.goto(f"/learn/safety/{lesson.slug}/quiz/")
        answer_right(child, lesson)
        child.fill("#id_class_code", code)
        child.click("form.quiz button[type=submit]")
        assert "3" in child.get_by_test_id("score").inner_text()
        context.close()

    page.reload()
    rows = page.get_by_test_id("results").locator("tbody tr")
    assert rows.count() == 2
    assert ClassResult.objects.filter(class_code__code=code).count() == 2
    assert_accessible(page)


def test_a_household_computes_its_bill_and_sees_a_saving(page, learn_demo, branch):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/learn/energy/")
    assert_accessible(page)
    no_sideways_scroll(page)

    # Keyboard only: choose the two-zone tariff, run the washing at night, calculate.
    tab_to(page, "#id_kind")
    page.keyboard.press("ArrowDown")
    tab_to(page, "#id_night_washer")
    page.keyboard.press("Space")
    tab_to(page, ".energy-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    result = page.get_by_test_id("result")
    assert (
        "₽" in result.inner_text() or "RUB" in result.inner_text() or "руб" in result.inner_text()
    )
    assert page.get_by_test_id("savings").locator("li").count() >= 2
    assert "kind=two_zone" in page.url and "night_washer=on" in page.url
    assert page.locator("button[data-print]").is_visible()  # shown by energy.js
    assert_accessible(page)
    no_sideways_scroll(page)

    # The result is a URL: opened again, it shows the same bill.
    total = page.get_by_test_id("total-cost").inner_text()
    page.goto(page.get_by_test_id("share-link").get_attribute("href"))
    assert page.get_by_test_id("total-cost").inner_text() == total

    page.goto("/learn/energy/appliances/")
    assert_accessible(page)
    page.goto("/learn/safety/danger/")
    assert_accessible(page)


def test_a_content_editor_edits_a_lesson_and_it_is_shown_sanitised(page, learn_demo, login):
    from gridportal.accounts.choices import StaffRole
    from gridportal.accounts.services import staff_user_create

    editor = staff_user_create(
        username="editor",
        password="correct-horse-battery",
        roles=[StaffRole.CONTENT_EDITOR],
        branches=[],
        all_branches=True,
    )
    login(editor)
    page.goto("/staff/learn/")
    assert_accessible(page)
    page.get_by_role("link", name="Зимой").click()
    assert_accessible(page)
    page.fill(
        "#id_body", "## Лёд на проводах\n\nОбходи провисшие провода. <script>alert(1)</script>"
    )
    page.click("form.form button[type=submit]")
    assert page.locator(".messages").inner_text().strip() != ""
    assert "Версия 2" in page.content() or "Version 2" in page.content()

    page.goto("/learn/safety/zimoy/")
    assert page.get_by_role("heading", name="Лёд на проводах").is_visible()
    assert page.locator("article script").count() == 0
    assert_accessible(page)


def test_the_check_button_explains_an_answer_at_once_and_locks_it(page, learn_demo):
    lesson = Lesson.objects.get(slug="upal-provod")
    first, *others = list(lesson.questions.all())
    wrong = next(c for c in first.choices.all() if not c.correct)
    page.goto(f"/learn/safety/{lesson.slug}/quiz/")
    page.check(f"input[name=q{first.pk}][value='{wrong.pk}']")
    group = page.locator(f"fieldset[data-question='{first.pk}']")
    group.get_by_role("button").click()
    feedback = group.get_by_role("status")
    feedback.wait_for()
    assert first.explanation in feedback.inner_text()
    right = next(c for c in first.choices.all() if c.correct)
    assert page.is_disabled(f"input[name=q{first.pk}][value='{right.pk}']")
    assert_accessible(page)

    for question in others:
        r = next(c for c in question.choices.all() if c.correct)
        page.check(f"input[name=q{question.pk}][value='{r.pk}']")
    page.click("form.quiz button[type=submit]")
    assert "2" in page.get_by_test_id("score").inner_text()
