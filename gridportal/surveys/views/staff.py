"""Staff console for questionnaires: builder, analytics, paper forms, exports, follow-ups."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gridportal.accounts.decorators import staff_required
from gridportal.accounts.scoping import user_branches
from gridportal.core.choices import AuditAction
from gridportal.core.exceptions import ApplicationError
from gridportal.core.intake import Origin
from gridportal.core.services import audit_record

from .. import selectors, services
from ..choices import ResponseChannel
from ..forms import (
    AnalyticsFilterForm,
    AnswerForm,
    FollowUpCloseForm,
    QuestionAddForm,
    SurveyCreateForm,
)
from ..models import Survey
from . import exports


@staff_required(permission="surveys.view_response")
def survey_list(request):
    surveys = selectors.surveys_for_staff()
    rows = [(s, selectors.responses_for_user(user=request.user, survey=s).count()) for s in surveys]
    open_follow_ups = selectors.follow_ups_for_user(user=request.user).filter(status="open").count()
    return render(
        request,
        "surveys/staff/list.html",
        {
            "rows": rows,
            "open_follow_ups": open_follow_ups,
            "can_build": request.user.has_perm("surveys.change_survey"),
        },
    )


@staff_required(permission="surveys.add_survey")
@require_http_methods(["GET", "POST"])
def survey_new(request):
    form = SurveyCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.survey_create(
                **form.cleaned_data, actor=request.user, request=request
            )
        except ApplicationError as error:
            form.add_error(error.code if error.code in form.fields else None, error.message)
        else:
            return redirect("staff:surveys:build", slug=survey.slug)
    return render(
        request, "surveys/staff/new.html", {"form": form}, status=400 if form.errors else 200
    )


@staff_required(permission="surveys.change_survey")
@require_http_methods(["GET", "POST"])
def survey_build(request, slug):
    survey = get_object_or_404(Survey, slug=slug)
    form = QuestionAddForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.question_add(
                    survey=survey,
                    key=data["key"],
                    kind=data["kind"],
                    text=data["text"],
                    text_en=data["text_en"],
                    required=data["required"],
                    choices=data["options"],
                    condition_key=data["condition_key"],
                    condition_value=data["condition_value"],
                )
            except ApplicationError as error:
                form.add_error(
                    error.code if error.code in form.fields else "options", error.message
                )
            else:
                messages.success(request, _("The question is added to the draft."))
                return redirect("staff:surveys:build", slug=survey.slug)
        status = 400
    draft = survey.draft_version()
    shown = draft or survey.published_version()
    return render(
        request,
        "surveys/staff/build.html",
        {
            "survey": survey,
            "draft": draft,
            "published": survey.published_version(),
            "questions": list(shown.questions.prefetch_related("choices")) if shown else [],
            "form": form,
        },
        status=status,
    )


@staff_required(permission="surveys.change_survey")
@require_POST
def question_remove(request, slug, key):
    survey = get_object_or_404(Survey, slug=slug)
    try:
        services.question_remove(survey=survey, key=key)
    except ApplicationError as error:
        messages.error(request, error.message)
    return redirect("staff:surveys:build", slug=slug)


@staff_required(permission="surveys.change_survey")
@require_POST
def survey_publish(request, slug):
    survey = get_object_or_404(Survey, slug=slug)
    try:
        version = services.version_publish(survey=survey, actor=request.user, request=request)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Version {number} is published.").format(number=version.number))
    return redirect("staff:surveys:build", slug=slug)


def _filters(request, survey):
    form = AnalyticsFilterForm(
        request.GET or None,
        branches=user_branches(request.user),
        offices=selectors.offices_for_user(user=request.user, survey=survey),
    )
    filters = selectors.ResponseFilter()
    if form.is_valid():
        data = form.cleaned_data
        filters = selectors.ResponseFilter(
            date_from=data["date_from"],
            date_to=data["date_to"],
            branch_id=data["branch"].pk if data["branch"] else None,
            district_id=data["district"].pk if data["district"] else None,
            office=data["office"],
            channel=data["channel"],
        )
    return form, filters


@staff_required(permission="surveys.view_response")
def survey_analytics(request, slug):
    survey = get_object_or_404(Survey, slug=slug)
    form, filters = _filters(request, survey)
    result = selectors.survey_analytics(user=request.user, survey=survey, filters=filters)
    from ..text import top_phrases, top_terms

    charts = {question.key: _bars(question, summary) for question, summary in result.questions}
    texts = {
        question.key: (top_terms(summary.texts), top_phrases(summary.texts), summary.texts[:20])
        for question, summary in result.questions
        if summary.texts
    }
    return render(
        request,
        "surveys/staff/analytics.html",
        {
            "survey": survey,
            "form": form,
            "result": result,
            "items": [
                (q, summary, charts[q.key], texts.get(q.key)) for q, summary in result.questions
            ],
            "month_chart": _month_bars(result.months, result),
            "year": timezone.localdate().year,
            "yearly": selectors.yearly_report(
                user=request.user, survey=survey, year=timezone.localdate().year
            ),
            "query": request.GET.urlencode(),
        },
        status=400 if form.errors else 200,
    )


def _bars(question, summary) -> dict:
    """Rows of a horizontal bar chart (and its table): label, count, share, bar width."""
    labels = {c.value: c.display_label for c in question.choices.all()}
    labels.update({"yes": _("Yes"), "no": _("No")})
    total = sum(summary.counts.values()) or 1
    top = max(summary.counts.values(), default=0) or 1
    low = {"csat": ("1", "2"), "nps": tuple(str(i) for i in range(7))}.get(question.kind, ())
    bars = [
        {
            "label": labels.get(value, value),
            "count": count,
            "share": round(100 * count / total, 1),
            "width": round(250 * count / top),
            "y": 22 * index,
            "low": value in low,
        }
        for index, (value, count) in enumerate(summary.counts.items())
    ]
    return {"bars": bars, "height": 22 * len(bars) + 4}


def _month_bars(months, result) -> dict:
    """Bars of CSAT (or responses when there is no rating question) by month."""
    key = "csat" if result.csat_key else "responses"
    # «2025-11» → «Ноябрь 2025» (or «November 2025»): the month as the reader names it.
    values = [
        (date_format(dt.date.fromisoformat(m.label + "-01"), "F Y"), getattr(m, key))
        for m in months
    ]
    top = max((v or 0 for _m, v in values), default=0) or 1
    bars = [
        {"label": label, "count": value, "width": round(250 * (value or 0) / top), "y": 22 * i}
        for i, (label, value) in enumerate(values)
    ]
    return {"bars": bars, "height": 22 * len(bars) + 4, "measure": key}


@staff_required(permission="surveys.view_response")
def survey_export(request, slug, kind, fmt):
    survey = get_object_or_404(Survey, slug=slug)
    if kind not in ("raw", "summary") or fmt not in ("csv", "xlsx"):
        raise Http404
    _form, filters = _filters(request, survey)
    content, content_type = exports.survey_export(
        user=request.user, survey=survey, filters=filters, kind=kind, fmt=fmt
    )
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORT,
        obj=survey,
        request=request,
        details={"kind": kind, "format": fmt},
    )
    response = HttpResponse(content, content_type=content_type)
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{survey.slug}-{kind}-{stamp}.{fmt}"'
    return response


@staff_required(permission="surveys.add_response")
@require_http_methods(["GET", "POST"])
def paper_entry(request, slug):
    """A staff member types in a completed paper questionnaire."""
    survey, version = selectors.survey_get_published(slug=slug)
    branches = user_branches(request.user).order_by("name")
    form = AnswerForm(request.POST or None, version=version, paper=True, branches=branches)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            answered_on = data["answered_on"]
            submission = services.ResponseSubmission(
                survey_slug=survey.slug,
                answers=form.raw_answers(),
                channel=ResponseChannel.PAPER,
                version_number=version.number,
                branch_code=data["region"].code,
                office=data.get("office", ""),
                answered_at=timezone.make_aware(dt.datetime.combine(answered_on, dt.time(12))),
            )
            try:
                services.response_submit(
                    submission=submission,
                    origin=Origin.from_request(request, channel=ResponseChannel.PAPER, staff=True),
                )
            except services.AnswersInvalid as error:
                form.add_answer_errors(error.extra["fields"])
            except ApplicationError as error:
                form.add_error(
                    "answered_on" if error.code == "answered_at" else None, error.message
                )
            else:
                messages.success(request, _("The paper form is saved. Enter the next one."))
                return redirect("staff:surveys:paper", slug=slug)
        status = 400
    return render(
        request, "surveys/staff/paper.html", {"survey": survey, "form": form}, status=status
    )


@staff_required(permission="surveys.view_followup")
def follow_up_list(request):
    follow_ups = selectors.follow_ups_for_user(user=request.user)
    return render(request, "surveys/staff/follow_ups.html", {"follow_ups": follow_ups[:200]})


@staff_required(permission="surveys.view_followup")
@require_http_methods(["GET", "POST"])
def follow_up_detail(request, pk):
    follow_up = selectors.follow_up_get_for_user(user=request.user, pk=pk)
    response = follow_up.response
    answers = [
        (a.question, services.answer_value(a))
        for a in response.answers.select_related("question").order_by("question__position")
    ]
    form = FollowUpCloseForm(request.POST or None)
    if request.method == "POST":
        if not request.user.has_perm("surveys.change_followup"):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.followup_close(
                    follow_up=follow_up,
                    note=form.cleaned_data["note"],
                    actor=request.user,
                    request=request,
                )
            except ApplicationError as error:
                messages.error(request, error.message)
            return redirect("staff:surveys:follow-up", pk=pk)
    else:
        audit_record(
            actor=request.user,
            action=AuditAction.VIEW,
            obj=follow_up,
            branch=follow_up.branch,
            request=request,
            details={"field": "contact"},
        )
    return render(
        request,
        "surveys/staff/follow_up.html",
        {"follow_up": follow_up, "response": response, "answers": answers, "form": form},
        status=400 if form.errors else 200,
    )
