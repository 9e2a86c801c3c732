"""The customer's side of a full application: the form, drafts, the timeline, missing documents."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from gridportal.core.exceptions import ApplicationError
from gridportal.core.intake import Origin
from gridportal.core.uploads import private_file_response

from .. import selectors, timeline
from ..choices import Channel, Stage
from ..forms import ApplicationForm, MissingDocumentsForm, ReadinessNoticeForm
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
def application_form(request, pk: int | None = None):
    """New application or a draft: «Save draft» keeps it, «Send» registers it."""
    user = _customer(request)
    draft = selectors.draft_get_for_customer(user=user, pk=pk) if pk else None
    if request.method == "POST":
        form = ApplicationForm(
            request.POST,
            request.FILES,
            initial={
                "has_social_proof": bool(
                    draft and draft.documents.filter(kind="social_proof").exists()
                )
            },
        )
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k not in ("consent",)}
            try:
                draft = services.application_draft_save(
                    customer=user, data=data, documents=form.documents(), application=draft
                )
                if "send" in request.POST:
                    application = services.application_submit(
                        application=draft,
                        origin=Origin.from_request(request, channel=Channel.WEB),
                        consent=form.cleaned_data.get("consent"),
                    )
                    return redirect("connection:application", number=application.number)
            except ApplicationError as error:
                field = error.code if error.code in form.fields else None
                form.add_error(field, str(error.message))
                return _form_page(request, form, draft, status=error.status)
            return redirect("connection:draft", pk=draft.pk)
        return _form_page(request, form, draft, status=400)
    initial = {}
    if draft is not None:
        initial = {name: getattr(draft, name) for name in services.FIELDS}
        initial["address"] = draft.address_id
    else:
        intention = selectors.intention_of_customer(
            user=user, number=request.GET.get("intention", "")
        )
        address = selectors.address_get(request.GET.get("address"))
        if intention is not None:
            address = intention.address
            initial = {
                "applicant_kind": intention.applicant_kind,
                "applicant_name": intention.name,
                "object_kind": intention.object_kind,
                "power_new_kw": intention.power_new_kw,
                "power_existing_kw": intention.power_existing_kw,
                "voltage": intention.voltage,
                "reliability": intention.reliability,
                "social": intention.social,
            }
        if address is None:
            return redirect("connection:intention")
        initial["address"] = address.pk
    return _form_page(request, ApplicationForm(initial=initial), draft)


def _form_page(request, form, draft, status=200):
    address = selectors.address_get(
        form.data.get("address") if form.is_bound else form.initial.get("address")
    )
    return render(
        request,
        "connection/account/form.html",
        {"form": form, "draft": draft, "address": address},
        status=status,
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
