"""The content editors' console: lessons in Markdown, each save a new version."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gridportal.accounts.decorators import staff_required

from .. import selectors
from ..choices import LessonStatus
from ..forms import LessonForm, LessonMetaForm
from ..markup import markdown_html
from ..models import Lesson
from ..services import LessonText, lesson_save

CHANGE = "learn.change_lesson"
ADD = "learn.add_lesson"


@staff_required(permission=CHANGE)
def lesson_list(request):
    return render(request, "learn/staff/lessons.html", {"lessons": selectors.lessons_for_staff()})


@staff_required(permission=ADD)
@require_http_methods(["GET", "POST"])
def lesson_new(request):
    meta = LessonMetaForm(request.POST or None, prefix="meta")
    form = LessonForm(request.POST or None, initial={"status": LessonStatus.DRAFT})
    if request.method == "POST":
        if meta.is_valid() and form.is_valid():
            lesson = meta.save(commit=False)
            lesson_save(
                lesson=lesson,
                text=LessonText.from_cleaned(form.cleaned_data),
                editor=request.user,
                request=request,
            )
            messages.success(request, _("The lesson has been created."))
            return redirect("staff:learn:lesson", pk=lesson.pk)
        status = 400
    else:
        status = 200
    return render(
        request, "learn/staff/lesson_new.html", {"meta": meta, "form": form}, status=status
    )


@staff_required(permission=CHANGE)
@require_http_methods(["GET", "POST"])
def lesson_edit(request, pk):
    lesson = get_object_or_404(Lesson, pk=pk)
    fields = ("title", "title_en", "summary", "summary_en", "body", "body_en", "status")
    form = LessonForm(request.POST or None, initial={f: getattr(lesson, f) for f in fields})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            version = lesson_save(
                lesson=lesson,
                text=LessonText.from_cleaned(form.cleaned_data),
                editor=request.user,
                request=request,
            )
            messages.success(request, _("Saved as version {n}.").format(n=version.number))
            return redirect("staff:learn:lesson", pk=lesson.pk)
        status = 400
    return render(
        request,
        "learn/staff/lesson.html",
        {
            "lesson": lesson,
            "form": form,
            "preview": markdown_html(lesson.body),
            "versions": selectors.lesson_versions(lesson=lesson)[:20],
        },
        status=status,
    )
