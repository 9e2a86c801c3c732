"""The customer's side of a registered application: the list, the timeline, missing documents, the
readiness notice and the documents to download (the form itself: `wizard.py`)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from gridportal.core.exceptions import ApplicationError
from gridportal.core.uploads import private_file_response

from .. import selectors, timeline
from ..choices import Stage
from ..forms import MissingDocumentsForm, ReadinessNoticeForm
from ..services import applications as services


def _customer(request):
    if request.user.is_staff:
        raise PermissionDenied  # staff file applications at the office console, not here
    return request.user


@login_required
def application_list(request):
    user = _customer(request)
    return render(
        request,
        "connection/account/list.html",
        {"applications": selectors.applications_of_customer(user=user)},
    )


@login_required
def application_detail(request, number: str):
    user = _customer(request)
    application = selectors.application_get_for_customer(user=user, number=number)
    form = notice_form = None
    status = 200
    if application.stage == Stage.INCOMPLETE:
        form = MissingDocumentsForm(request.POST or None, request.FILES or None)
        if request.method == "POST":
            if form.is_valid():
                services.application_resubmit(
                    application=application,
                    customer=user,
                    documents=[(form.cleaned_data["kind"], form.cleaned_data["document"])],
                )
                return redirect("connection:application", number=number)
            status = 400
    elif application.stage == Stage.PAID and not application.readiness_notice_on:
        notice_form = ReadinessNoticeForm(request.POST or None, request.FILES or None)
        if request.method == "POST":
            if notice_form.is_valid():
                try:
                    services.application_readiness_notice(
                        application=application,
                        customer=user,
                        text=notice_form.cleaned_data["text"],
                        document=notice_form.cleaned_data["document"],
                    )
                except ApplicationError as error:
                    notice_form.add_error(None, str(error.message))
                    status = error.status
                else:
                    return redirect("connection:application", number=number)
            else:
                status = 400
    today = timezone.localdate()
    documents = list(application.documents.all())
    return render(
        request,
        "connection/account/detail.html",
        {
            "application": application,
            "steps": [
                (s, s.state(today))
                for s in timeline.steps(application, today=today, documents=documents)
            ],
            "next_action": timeline.next_action(application),
            "events": application.events.filter(internal=False),
            "documents": documents,
            "form": form,
            "notice_form": notice_form,
        },
        status=status,
    )


@login_required
def application_document(request, number: str, pk: int):
    user = _customer(request)
    application = selectors.application_get_for_customer(user=user, number=number)
    document = application.documents.filter(pk=pk).first()
    if document is None:
        raise Http404
    return private_file_response(stored_name=document.stored_file, download_name=document.file_name)
