"""«Подружись с электричеством»: lessons, quizzes with feedback, the certificate, «report a danger»."""

from __future__ import annotations

import re

from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gridportal.core.degraded import company_contacts
from gridportal.core.exceptions import RateLimited
from gridportal.core.pdf import FontMissing

from .. import selectors
from ..certificate import certificate_pdf
from ..choices import AgeGroup
from ..forms import CertificateForm, QuizForm
from ..markup import markdown_html
from ..quiz import passes, quiz_score
from ..services import class_result_record

RESULT_SALT = "learn.certificate"
RESULT_MAX_AGE = 24 * 3600
# A first name: letters (any alphabet), spaces, hyphens and apostrophes.
NAME_RE = re.compile(r"^[^\W\d_]+(?:[ '’-][^\W\d_]+)*$")


def report_danger_url() -> str:
    """The hotline's report form, by URL name; `problem=hazard` asks it to preselect a hazard."""
    return reverse("outages:report") + "?problem=hazard"


@require_GET
def safety_index(request):
    lessons = list(selectors.published_lessons())
    groups = [
        (group, [lesson for lesson in lessons if lesson.age_group == group.value])
        for group in AgeGroup
    ]
    return render(request, "learn/public/safety.html", {"groups": groups})


def _lesson_or_404(slug):
    lesson = selectors.lesson_get_published(slug)
    if lesson is None:
        raise Http404
    return lesson


@require_GET
def lesson_page(request, slug):
    lesson = _lesson_or_404(slug)
    return render(
        request,
        "learn/public/lesson.html",
        {
            "lesson": lesson,
            "body": markdown_html(lesson.display_body),
            "report_url": report_danger_url(),
        },
    )


@require_http_methods(["GET", "POST"])
def quiz_page(request, slug):
    """The quiz: all questions at once; the answer page explains every question and scores."""
    lesson = _lesson_or_404(slug)
    questions = list(lesson.questions.all())
    if not questions:
        raise Http404
    if request.method == "GET":
        form = QuizForm(questions=questions, initial={"class_code": request.GET.get("class", "")})
        return render(request, "learn/public/quiz.html", {"lesson": lesson, "form": form})
    form = QuizForm(request.POST, questions=questions)
    class_code = None
    if form.is_valid() and form.cleaned_data["class_code"]:
        class_code = selectors.class_get(form.cleaned_data["class_code"])
        if class_code is None:
            form.add_error(
                "class_code", _("There is no class with this code. Check it with your teacher.")
            )
    if not form.is_valid():
        return render(
            request, "learn/public/quiz.html", {"lesson": lesson, "form": form}, status=400
        )
    key = {q.pk: next(c.pk for c in q.choices.all() if c.correct) for q in questions}
    score = quiz_score(key=key, answers=form.answers())
    if class_code is not None:
        try:
            class_result_record(
                class_code=class_code, lesson=lesson, score=score.score, total=score.total
            )
        except RateLimited as error:
            form.add_error("class_code", error.message)
            context = {"lesson": lesson, "form": form}
            return render(request, "learn/public/quiz.html", context, status=error.status)
    by_pk = {q.pk: q for q in questions}
    feedback = [
        {
            "question": by_pk[m.question],
            "correct": m.correct,
            "chosen": next(c for c in by_pk[m.question].choices.all() if c.pk == m.chosen),
            "right": next(c for c in by_pk[m.question].choices.all() if c.pk == m.right),
        }
        for m in score.marked
    ]
    token = signing.dumps({"l": lesson.slug, "s": score.score, "t": score.total}, salt=RESULT_SALT)
    return render(
        request,
        "learn/public/quiz_result.html",
        {
            "lesson": lesson,
            "score": score,
            "feedback": feedback,
            "class_code": class_code,
            "certificate_form": CertificateForm(initial={"result": token})
            if score.passed
            else None,
        },
    )


@require_POST
def certificate(request, slug):
    """The certificate PDF with the child's first name; nothing of this request is stored."""
    lesson = _lesson_or_404(slug)
    form = CertificateForm(request.POST)
    result = None
    if form.is_valid():
        try:
            result = signing.loads(
                form.cleaned_data["result"], salt=RESULT_SALT, max_age=RESULT_MAX_AGE
            )
        except signing.BadSignature:
            form.add_error(None, _("This quiz result has expired. Please take the quiz again."))
        else:
            if result.get("l") != lesson.slug or not passes(result["s"], result["t"]):
                form.add_error(None, _("A certificate needs a passed quiz of this lesson."))
        name = form.cleaned_data.get("name", "").strip()
        if name and not NAME_RE.match(name):
            form.add_error("name", _("Write your first name in letters only."))
    if not form.is_valid():
        return render(
            request,
            "learn/public/certificate_refused.html",
            {"lesson": lesson, "certificate_form": form},
            status=400,
        )
    contacts = company_contacts()
    try:
        pdf = certificate_pdf(
            name=form.cleaned_data["name"].strip(),
            lesson_title=lesson.display_title,
            score=result["s"],
            total=result["t"],
            company=getattr(contacts, "display_name", "") or "",
            on=timezone.localdate(),
        )
    except FontMissing as error:
        form.add_error(None, error.message)
        return render(
            request,
            "learn/public/certificate_refused.html",
            {"lesson": lesson, "certificate_form": form},
            status=error.status,
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{lesson.slug}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def danger_page(request):
    """«Saw a danger?»: what to do, the hotline's report form, and the lessons about hazards."""
    return render(
        request,
        "learn/public/danger.html",
        {"report_url": report_danger_url(), "lessons": selectors.hazard_lessons()},
    )
