"""Public pages: the request-intention form and its immediate answer."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from gridportal.core.exceptions import ApplicationError
from gridportal.core.intake import Origin
from gridportal.core.middleware import selected_branch
from gridportal.grid.lookup import RESULTS_TEMPLATE, address_lookup

from .. import selectors, services
from ..choices import Channel
from ..forms import IntentionForm, PointForm
from ..points import point_label

TEMPLATE = "connection/public/intention.html"


def _where(form):
    """The address or the point the form carries, to show above it."""
    data = getattr(form, "cleaned_data", {})
    address = data.get("address") or selectors.address_get(form.data.get("address"))
    point = data.get("point")
    return address, (point_label(*point) if point and address is None else "")


def _prefill(request) -> dict:
    initial = {}
    for key in ("power_new_kw", "voltage"):
        if request.GET.get(key):
            initial[key] = request.GET[key]
    return initial


def intention(request):
    """«Отправить заявку-намерение»: pick the address or a point on the map, fill the short
    form, get the answer."""
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
        address, point = _where(form)
        return render(
            request, TEMPLATE, {"form": form, "address": address, "point": point}, status=status
        )
    context = address_lookup(request).context(pick_url=reverse("connection:intention"))
    if request.htmx and not request.GET.get("address"):
        return render(request, RESULTS_TEMPLATE, context)
    if request.GET.get("address"):
        address = selectors.address_get(request.GET["address"])
        if address is None:
            raise Http404
        context["address"] = address
        context["form"] = IntentionForm(initial={"address": address.pk, **_prefill(request)})
        return render(request, TEMPLATE, context)
    context["map_centre"] = selectors.territory_centre(branch=selected_branch(request))
    if "latitude" in request.GET or "longitude" in request.GET:
        point_form = PointForm(request.GET)
        if point_form.is_valid():
            try:
                services.point_branch(point=point_form.point())
            except ApplicationError as error:
                point_form.add_error(None, str(error.message))
        if not point_form.is_valid():
            context["point_form"] = point_form
            return render(request, TEMPLATE, context, status=400)
        lat, lon = point_form.point()
        context["point"] = point_label(lat, lon)
        context["form"] = IntentionForm(
            initial={"latitude": lat, "longitude": lon, **_prefill(request)}
        )
        return render(request, TEMPLATE, context)
    context["point_form"] = PointForm()
    return render(request, TEMPLATE, context)
