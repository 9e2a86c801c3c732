"""The full application step by step: applicant → object and address → power and voltage →
attachments → consent and review. Each step saves the draft; nothing is registered and no
clock runs until the last step sends it. What a step asks depends on the applicant and the
category (forms.StepForm); the documents the category needs are listed on the way."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from gridportal.core.exceptions import ApplicationError
from gridportal.core.intake import Origin
from gridportal.grid.lookup import RESULTS_TEMPLATE, address_lookup

from .. import documents, selectors
from ..choices import Category, Channel
from ..forms import STEP_NAMES, STEPS, step_form, step_of
from ..rules import category_for, rule_values
from ..services import applications as services
from .account import _customer

TEMPLATE = "connection/account/step.html"


def _prefill(user, intention_number: str) -> dict:
    """What the person already told us in their request-intention."""
    intention = selectors.intention_of_customer(user=user, number=intention_number)
    if intention is None:
        return {}
    return {
        "intention": intention,
        "address": intention.address,
        "applicant_kind": intention.applicant_kind,
        "applicant_name": intention.name,
        "object_kind": intention.object_kind,
        "power_new_kw": intention.power_new_kw,
        "power_existing_kw": intention.power_existing_kw,
        "voltage": intention.voltage,
        "reliability": intention.reliability,
        "social": intention.social,
    }


def _address_step(request, intention):
    """Ask for the service address the point-intention did not have; each hit comes back here
    with ?intention=…&address=…, and the rest is prefilled from the intention."""
    query = f"?{urlencode({'intention': intention.number})}"
    pick_url = reverse("connection:application-new") + query
    context = {
        **address_lookup(request).context(pick_url=pick_url),
        "intention": intention,
        "carry": {"intention": intention.number},
    }
    if request.htmx:
        return render(request, RESULTS_TEMPLATE, context)
    return render(request, "connection/account/address.html", context)


def _category(draft):
    if draft is None or not draft.power_new_kw or not draft.applicant_kind:
        return None
    return category_for(
        applicant=draft.applicant_kind,
        object_kind=draft.object_kind,
        power_new_kw=draft.power_new_kw,
        power_existing_kw=draft.power_existing_kw,
        reliability=draft.reliability,
        values=rule_values(),
    )


def _page(request, *, step, form, draft, address, status=200, problem=None):
    choice = _category(draft)
    needed = (
        documents.documents_for(
            applicant=draft.applicant_kind,
            category=choice.category,
            object_kind=draft.object_kind,
            social=draft.social,
            increase=draft.reason == "increase",
        )
        if choice
        else []
    )
    index = STEP_NAMES.index(step)
    return render(
        request,
        TEMPLATE,
        {
            "form": form,
            "draft": draft,
            "address": address,
            "step": step,
            "steps": [
                (slug, title, i < index, slug == step) for i, (slug, title, _f) in enumerate(STEPS)
            ],
            "number": index + 1,
            "title": STEPS[index][1],
            "previous": STEP_NAMES[index - 1] if index else None,
            "category": choice,
            "category_label": Category(choice.category).label if choice else "",
            "needed": needed,
            "problem": problem,
            "last": step == STEP_NAMES[-1],
        },
        status=status,
    )


@login_required
def application_start(request):
    """The first step: who applies. Sending it creates the draft (with what the
    request-intention already said); a GET changes nothing."""
    user = _customer(request)
    number = request.GET.get("intention", "")
    prefill = _prefill(user, number)
    intention = prefill.pop("intention", None)
    address = prefill.get("address") or selectors.address_get(request.GET.get("address"))
    if address is None and intention is not None:
        # A request-intention for a point on the map: the application needs the address.
        return _address_step(request, intention)
    if address is None:
        return redirect("connection:intention")
    form_class = step_form("applicant")
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            draft = services.application_draft_save(
                customer=user, data={**prefill, "address": address, **form.draft_data()}
            )
            return redirect("connection:step", pk=draft.pk, step=STEP_NAMES[1])
        return _page(request, step="applicant", form=form, draft=None, address=address, status=400)
    initial = {k: v for k, v in prefill.items() if k in form_class.base_fields}
    form = form_class(initial=initial)
    return _page(request, step="applicant", form=form, draft=None, address=address)


@login_required
def application_resume(request, pk: int):
    """A saved draft opens at the first step that still lacks something, else at the review."""
    draft = selectors.draft_get_for_customer(user=_customer(request), pk=pk)
    for name in services.REQUIRED:
        if getattr(draft, name) in (None, ""):
            return redirect("connection:step", pk=pk, step=step_of(name))
    if not draft.documents.filter(kind="location_plan").exists():
        return redirect("connection:step", pk=pk, step="attachments")
    return redirect("connection:step", pk=pk, step=STEP_NAMES[-1])


@login_required
def application_step(request, pk: int, step: str):
    user = _customer(request)
    draft = selectors.draft_get_for_customer(user=user, pk=pk)
    if step not in STEP_NAMES:
        raise Http404
    form_class = step_form(step)
    address = draft.address
    if request.method != "POST":
        initial = {
            name: getattr(draft, name) for name in form_class.base_fields if hasattr(draft, name)
        }
        form = form_class(initial=initial, draft=draft)
        return _page(request, step=step, form=form, draft=draft, address=address)
    form = form_class(request.POST, request.FILES, draft=draft)
    if not form.is_valid():
        return _page(request, step=step, form=form, draft=draft, address=address, status=400)
    if step != STEP_NAMES[-1]:
        draft = services.application_draft_save(
            customer=user, data=form.draft_data(), documents=form.documents(), application=draft
        )
        following = STEP_NAMES[STEP_NAMES.index(step) + 1]
        return redirect("connection:step", pk=draft.pk, step=following)
    try:
        application = services.application_submit(
            application=draft,
            origin=Origin.from_request(request, channel=Channel.WEB),
            consent=form.cleaned_data.get("consent"),
        )
    except ApplicationError as error:
        problem = None
        if error.code in form.fields:
            form.add_error(error.code, str(error.message))
        else:
            holder = step_of(error.code) or "applicant"
            problem = (str(error.message), reverse("connection:step", args=[draft.pk, holder]))
        return _page(
            request,
            step=step,
            form=form,
            draft=draft,
            address=address,
            status=error.status,
            problem=problem,
        )
    return redirect("connection:application", number=application.number)
