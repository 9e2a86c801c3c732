"""Public pages of the appeals desk: write, the receipt, tracking, the person's steps."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gridportal.core.exceptions import ApplicationError
from gridportal.core.intake import Origin
from gridportal.core.limits import limit_hit
from gridportal.core.services import client_ip
from gridportal.core.uploads import private_file_response
from gridportal.grid.lookup import RESULTS_TEMPLATE, address_lookup

from .. import selectors, services
from ..choices import Channel, RuleKey, Status, Topic
from ..forms import AppealForm, InfoAddForm, RateForm, ReopenForm, TrackForm, _address
from ..rules import rule_values

SESSION_KEY = "appeals:opened"
# Lazy: a module constant is made once, at import, before any reader's language is known.
NOT_FOUND = gettext_lazy("We found no appeal with this number and code. Check both and try again.")


def _remember(request, number: str) -> None:
    opened = [n for n in request.session.get(SESSION_KEY, []) if n != number][-19:]
    request.session[SESSION_KEY] = [*opened, number]


def _appeal_for_visitor(request, number: str):
    """The appeal if this visitor opened it with its code in this session, or owns it."""
    appeal = selectors.customer_appeal_get(user=request.user, number=number)
    if appeal is not None:
        return appeal
    if number in request.session.get(SESSION_KEY, []):
        appeal = selectors.appeal_track_opened(number=number)
        if appeal is not None:
            return appeal
    raise Http404


def submit_page(request):
    """Write to us: pick the address (a live outage there is shown first), then the form."""
    if request.method == "POST":
        form = AppealForm(request.POST, request.FILES)
        status = 400
        if form.is_valid():
            try:
                receipt = services.appeal_submit(
                    submission=form.submission(user=request.user),
                    origin=Origin.from_request(request, channel=Channel.WEB),
                )
            except ApplicationError as error:
                status = form.intake_refused(error)
            else:
                _remember(request, receipt.appeal.number)
                return render(
                    request,
                    "appeals/public/done.html",
                    {"receipt": receipt, "appeal": receipt.appeal},
                )
        address = form.cleaned_data.get("address") or _address(request.POST.get("address"))
        return render(
            request,
            "appeals/public/submit.html",
            _form_context(form, address),
            status=status,
        )

    context = address_lookup(request).context(pick_url=reverse("appeals:submit"))
    if request.htmx and not request.GET.get("address"):
        return render(request, RESULTS_TEMPLATE, context)
    if request.GET.get("address"):
        address = _address(request.GET["address"])
        if address is None:
            # A stale or mistyped link: say so and offer the search, not a bare 404 page.
            context["address_error"] = _(
                "We could not find this address. Find it again: settlement, street and house."
            )
            return render(request, "appeals/public/submit.html", context, status=404)
        initial = {"address": address.pk}
        if request.GET.get("topic") in Topic.values:
            initial["topic"] = request.GET["topic"]
        if request.user.is_authenticated:
            initial["email"] = request.user.email
            initial["name"] = request.user.get_full_name()
        context.update(_form_context(AppealForm(initial=initial), address))
    return render(request, "appeals/public/submit.html", context)


def _form_context(form, address) -> dict:
    incident = selectors.live_outage(address=address) if address is not None else None
    return {
        "form": form,
        "address": address,
        "incident": incident,
        "tz": address.branch.timezone if address is not None else None,
        "hazard": Topic.SAFETY_HAZARD,
        "quality": Topic.POWER_QUALITY,
    }


def track_page(request):
    """Find an appeal by number and code; a wrong number and a wrong code answer alike."""
    form = TrackForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        limit = int(rule_values()[RuleKey.TRACK_PER_IP_HOUR])
        if limit_hit(group="appeals.track.ip", value=client_ip(request) or "", limit=limit):
            form.is_valid()
            form.add_error(None, _("Too many attempts from here. Please try again in an hour."))
            status = 429
        elif form.is_valid():
            appeal = selectors.appeal_track(
                number=form.cleaned_data["number"], code=form.cleaned_data["code"]
            )
            if appeal is not None:
                _remember(request, appeal.number)
                return redirect("appeals:detail", number=appeal.number)
            form.add_error(None, NOT_FOUND)
            status = 404
    return render(request, "appeals/public/track.html", {"form": form}, status=status)


def detail_page(request, number):
    appeal = _appeal_for_visitor(request, number)
    return render(request, "appeals/public/detail.html", _detail_context(appeal))


def _detail_context(appeal, **forms) -> dict:
    until = services.reopen_deadline(appeal)
    from django.utils import timezone

    events = list(selectors.public_events(appeal=appeal))
    context = {
        "appeal": appeal,
        # The heading keeps «А-2026-000205» on one line: a phone broke it at a hyphen.
        "number_html": format_html('<span class="appeal-number">{}</span>', appeal.number),
        "events": events,
        "question": next((e for e in reversed(events) if e.kind == "info_requested"), None),
        "company_files": [a for a in selectors.person_attachments(appeal=appeal) if a.from_company],
        "own_files": [a for a in selectors.person_attachments(appeal=appeal) if not a.from_company],
        "reopen_until": until,
        "can_reopen": until is not None and timezone.localdate() <= until,
        "info_form": InfoAddForm(),
        "rate_form": RateForm(),
        "reopen_form": ReopenForm(),
        "Status": Status,
    }
    context.update(forms)
    return context


def _person_step(request, number, form_class, step, form_name):
    appeal = _appeal_for_visitor(request, number)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            step(appeal, form.cleaned_data)
        except ApplicationError as error:
            form.add_error(error.code if error.code in form.fields else None, error.message)
        else:
            return redirect("appeals:detail", number=appeal.number)
    appeal.refresh_from_db()
    return render(
        request,
        "appeals/public/detail.html",
        _detail_context(appeal, **{form_name: form}),
        status=400,
    )


@require_POST
def info_add(request, number):
    return _person_step(
        request,
        number,
        InfoAddForm,
        lambda appeal, data: services.appeal_info_add(
            appeal=appeal, text=data["text"], uploads=data["attachments"], user=request.user
        ),
        "info_form",
    )


@require_POST
def rate(request, number):
    return _person_step(
        request,
        number,
        RateForm,
        lambda appeal, data: services.appeal_rate(
            appeal=appeal, rating=data["rating"], user=request.user
        ),
        "rate_form",
    )


@require_POST
def reopen(request, number):
    return _person_step(
        request,
        number,
        ReopenForm,
        lambda appeal, data: services.appeal_reopen(
            appeal=appeal, reason=data["reason"], user=request.user
        ),
        "reopen_form",
    )


def attachment_download(request, number, pk):
    appeal = _appeal_for_visitor(request, number)
    attachment = appeal.attachments.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    return private_file_response(
        stored_name=attachment.stored_name, download_name=attachment.original_name
    )


@login_required
def mine_page(request):
    return render(
        request,
        "appeals/public/mine.html",
        {"appeals": selectors.customer_appeals(user=request.user)},
    )
