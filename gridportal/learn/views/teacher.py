"""Teachers: any signed-in account can open a class code and see its children's anonymous scores."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from gridportal.core.exceptions import ApplicationError

from .. import selectors
from ..forms import ClassForm
from ..services import class_create


@login_required
@require_http_methods(["GET", "POST"])
def teacher_page(request):
    form = ClassForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                created = class_create(teacher=request.user, label=form.cleaned_data["label"])
            except ApplicationError as error:
                form.add_error(error.code if error.code in form.fields else None, error.message)
            else:
                return redirect("learn:class", code=created.code)
    return render(
        request,
        "learn/public/teacher.html",
        {"form": form, "classes": selectors.classes_for_teacher(user=request.user)},
        status=status,
    )


@login_required
@require_GET
def class_page(request, code):
    """One class's results: lesson, score and date — no names, by design."""
    class_code = selectors.class_for_teacher(user=request.user, code=code)
    if class_code is None:
        raise Http404
    return render(
        request,
        "learn/public/class.html",
        {"class_code": class_code, "results": selectors.class_results(class_code=class_code)},
    )
