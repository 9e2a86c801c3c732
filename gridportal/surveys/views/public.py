"""Public pages: the list, answering online or by invitation, the office kiosk, opting out."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from gridportal.core.exceptions import ApplicationError
from gridportal.core.intake import Origin
from gridportal.core.middleware import selected_branch
from gridportal.core.models import Branch

from .. import selectors, services
from ..choices import ResponseChannel
from ..forms import AnswerForm
from ..models import Invitation


def survey_list(request):
    return render(request, "surveys/public/list.html", {"surveys": selectors.survey_public_list()})


def _answer(request, *, survey, version, invitation_token=""):
    """Show the form; on a valid POST store the answers and go to the thanks page."""
    with_region = not invitation_token
    branch = selected_branch(request)
    initial = {"region": branch.code} if branch and with_region else {}
    form = AnswerForm(
        request.POST or None, version=version, with_region=with_region, initial=initial
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            region = form.cleaned_data.get("region")
            submission = services.ResponseSubmission(
                survey_slug=survey.slug,
                answers=form.raw_answers(),
                channel=ResponseChannel.ONLINE,
                version_number=version.number,
                branch_code=region.code if region else "",
                language=(get_language() or "ru")[:2],
                invitation_token=invitation_token,
            )
            try:
                services.response_submit(
                    submission=submission,
                    origin=Origin.from_request(request, channel=submission.channel),
                )
            except services.AnswersInvalid as error:
                form.add_answer_errors(error.extra["fields"])
            except ApplicationError as error:
                form.add_error(None, error.message)
                status = error.status
            else:
                return redirect("surveys:thanks", slug=survey.slug)
        if status == 200:
            status = 400
    return render(
        request,
        "surveys/public/answer.html",
        {"survey": survey, "version": version, "form": form, "invitation": bool(invitation_token)},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def survey_answer(request, slug):
    survey, version = selectors.survey_get_published(slug=slug)
    return _answer(request, survey=survey, version=version)


@never_cache
@require_http_methods(["GET", "POST"])
def invitation_answer(request, token):
    invitation = Invitation.objects.filter(token_digest=services.token_digest(token)).first()
    if invitation is None or invitation.used_at is not None:
        return render(
            request,
            "surveys/public/invitation_invalid.html",
            {"used": invitation is not None},
            status=404 if invitation is None else 410,
        )
    version = invitation.survey.published_version()
    if version is None:
        raise Http404
    return _answer(request, survey=invitation.survey, version=version, invitation_token=token)


@never_cache
@require_http_methods(["GET", "POST"])
def invitation_opt_out(request, token):
    if request.method == "POST":
        if not services.invitation_opt_out(token=token):
            raise Http404
        return render(request, "surveys/public/opted_out.html")
    if not Invitation.objects.filter(token_digest=services.token_digest(token)).exists():
        raise Http404
    return render(request, "surveys/public/opt_out.html")


def thanks(request, slug):
    survey, _version = selectors.survey_get_published(slug=slug)
    return render(request, "surveys/public/thanks.html", {"survey": survey})


def kiosk(request, slug):
    """The tablet page of an office: answers are kept on the tablet until they are sent."""
    survey, version = selectors.survey_get_published(slug=slug)
    branch = Branch.objects.filter(code=request.GET.get("branch", "")).first()
    office = request.GET.get("office", "")[:120]
    return render(
        request,
        "surveys/public/kiosk.html",
        {
            "survey": survey,
            "version": version,
            "form": AnswerForm(version=version),
            "branch": branch,
            "office": office,
            "answers_url": reverse("api:survey-answers", args=[survey.slug]),
        },
    )


def service_worker(request):
    """The kiosk's service worker, served under /surveys/ so that its scope covers the kiosk."""
    body = render_to_string("surveys/public/sw.js", {})
    response = HttpResponse(body, content_type="application/javascript")
    response["Cache-Control"] = "no-cache"
    return response
