"""Public pages: the request-intention form and its immediate answer."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from gridportal.core.exceptions import ApplicationError
from gridportal.core.intake import Origin
from gridportal.grid.lookup import RESULTS_TEMPLATE, address_lookup

from .. import selectors, services
from ..choices import Channel
from ..forms import IntentionForm


def intention(request):
    """«Отправить заявку-намерение»: pick the address, fill the short form, get the answer."""
    if request.method == "POST":
        form = IntentionForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                receipt = services.intention_submit(
                    submission=services.IntentionSubmission.from_cleaned(form.cleaned_data),
                    origin=Origin.from_request(request, channel=Channel.WEB),
                )
            except ApplicationError as error:
                field = error.code if error.code in form.fields else None
                form.add_error(field, str(error.message))
                status = error.status
            else:
                return render(
                    request,
                    "connection/public/answer.html",
                    {
                        "intention": receipt.intention,
                        "answer": receipt.intention.answer,
                        "duplicate": receipt.duplicate,
                    },
                    status=201 if not receipt.duplicate else 200,
                )
        address = form.cleaned_data.get("address") if hasattr(form, "cleaned_data") else None
        if address is None:
            address = selectors.address_get(request.POST.get("address"))
        return render(
            request,
            "connection/public/intention.html",
            {"form": form, "address": address},
            status=status,
        )
    context = address_lookup(request).context(pick_url=reverse("connection:intention"))
    if request.htmx and not request.GET.get("address"):
        return render(request, RESULTS_TEMPLATE, context)
    if request.GET.get("address"):
        address = selectors.address_get(request.GET["address"])
        if address is None:
            raise Http404
        initial = {"address": address.pk}
        for key in ("power_new_kw", "voltage"):
            if request.GET.get(key):
                initial[key] = request.GET[key]
        context["address"] = address
        context["form"] = IntentionForm(initial=initial)
    return render(request, "connection/public/intention.html", context)
