"""Public pages: the directory with map and list, an office, booking, managing a booking."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gridportal.core.exceptions import ApplicationError
from gridportal.core.geojson import feature_collection, point
from gridportal.core.intake import Origin
from gridportal.grid.search import address_search

from .. import selectors, services
from ..choices import BookingStatus, ServiceKind
from ..forms import BookingForm, CodeForm, DirectoryForm, MoveForm, SlotQueryForm, parse_day
from ..ical import booking_calendar
from ..models import Office

PLAN_DAYS = 14


def _place(data) -> tuple[dict | None, str]:
    """Where «nearest» is measured from: the browser's point, else the address typed."""
    if data.get("lat") is not None and data.get("lon") is not None:
        return {"label": _("your location"), "latitude": data["lat"], "longitude": data["lon"]}, ""
    if data.get("address"):
        found = [a for a in address_search(query=data["address"], limit=5) if a.latitude]
        if found:
            return {
                "label": found[0].label,
                "latitude": found[0].latitude,
                "longitude": found[0].longitude,
            }, ""
        return None, _("We could not find this address. Check it or use your location.")
    return None, ""


def _directory(request):
    form = DirectoryForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    place, error = _place(data)
    near = (place["latitude"], place["longitude"]) if place else None
    cards = selectors.office_cards(
        service=data.get("service", ""), saturday=bool(data.get("saturday")), near=near
    )
    status = 400 if (form.is_bound and not form.is_valid()) or error else 200
    return form, cards, place, error, status


def directory(request):
    """Every service centre per branch and district, open now, on a map and as a list."""
    form, cards, place, error, status = _directory(request)
    groups = []
    if place is None:
        for card in cards:
            key = (card.office.branch, card.office.district)
            if not groups or groups[-1][0] != key:
                groups.append((key, []))
            groups[-1][1].append(card)
    return render(
        request,
        "offices/public/directory.html",
        {
            "form": form,
            "cards": cards,
            "groups": groups,
            "place": place,
            "error": error,
            "query": request.GET.urlencode(),
            "now": timezone.now(),
        },
        status=status,
    )


def directory_data(request):
    """The map's GeoJSON: the same offices as the list, with open-now."""
    _form, cards, _place_, _error, _status = _directory(request)
    features = []
    for card in cards:
        o = card.office
        features.append(
            point(
                lon=o.longitude,
                lat=o.latitude,
                id=o.pk,
                properties={
                    "id": o.pk,
                    "name": o.name,
                    "address": o.address,
                    "open": card.status.is_open,
                    "url": reverse("offices:office", args=[o.pk]),
                    "distance_km": round(card.distance_km, 1)
                    if card.distance_km is not None
                    else None,
                },
            )
        )
    return JsonResponse(feature_collection(features))


def _office_or_404(pk: int) -> Office:
    try:
        return selectors.office_get(pk)
    except Office.DoesNotExist as error:
        raise Http404 from error


def office_page(request, pk: int):
    office = _office_or_404(pk)
    schedule = selectors.schedule_of(office)
    now = timezone.now()
    today = schedule.local(now).date()
    plans = [schedule.plan(today + dt.timedelta(days=i)) for i in range(PLAN_DAYS)]
    weekly = [(day, schedule.weekly.get(day)) for day in range(7)]
    return render(
        request,
        "offices/public/office.html",
        {
            "office": office,
            "status": schedule.status(now),
            "weekly": weekly,
            "special_days": [p for p in plans if p.reason not in ("regular",)],
            "services": office.services.all(),
        },
    )


@require_http_methods(["GET", "POST"])
def book(request, pk: int):
    """Choose service and day, see the free times, give name and contacts, book."""
    office = _office_or_404(pk)
    schedule = selectors.schedule_of(office)
    today = schedule.local(timezone.now()).date()
    first, last = selectors.booking_window(today)
    offered = [s.kind for s in office.services.all()]
    query = SlotQueryForm(
        {
            "service": request.GET.get("service")
            or request.POST.get("service")
            or (offered[0] if offered else ""),
            "date": request.GET.get("date") or request.POST.get("date") or today.isoformat(),
        }
    )
    query.fields["service"].choices = [(k, ServiceKind(k).label) for k in offered]
    slots, day, service = [], today, ""
    status = 200
    if query.is_valid():
        service, day = query.cleaned_data["service"], query.cleaned_data["date"]
        slots = selectors.free_slots(office, service=service, day=day)
    else:
        status = 400
    form = BookingForm(request.POST or None, initial={"service": service})
    if request.method == "POST":
        if form.is_valid():
            try:
                booking = services.booking_submit(
                    submission=services.BookingSubmission(
                        office_id=office.pk,
                        service=form.cleaned_data["service"],
                        starts_at=form.cleaned_data["starts_at"],
                        name=form.cleaned_data["name"],
                        phone=form.cleaned_data.get("phone", ""),
                        email=form.cleaned_data.get("email", ""),
                        consent_given=form.cleaned_data["consent"],
                        language=request.LANGUAGE_CODE,
                    ),
                    origin=Origin.from_request(request, channel="web"),
                )
            except ApplicationError as error:
                field = error.code if error.code in form.fields else None
                form.add_error(field, error.message)
                status = error.status
                slots = selectors.free_slots(office, service=service, day=day) if service else []
            else:
                return redirect(reverse("offices:booking-manage") + f"?code={booking.code}&new=1")
        else:
            status = 400
    chosen = request.POST.get("starts_at", "")
    return render(
        request,
        "offices/public/book.html",
        {
            "office": office,
            "query": query,
            "form": form,
            "slots": slots,
            "day": day,
            "service": service,
            "chosen": chosen,
            "first": first,
            "last": last,
            "days": [first + dt.timedelta(days=i) for i in range((last - first).days + 1)],
            "schedule": schedule,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def booking_manage(request):
    """A booking by its code: see it, download the .ics, cancel or move it."""
    code_form = CodeForm(request.GET if "code" in request.GET else None)
    booking, error, status, slots, day = None, "", 200, [], None
    if code_form.is_bound:
        if code_form.is_valid():
            try:
                booking = services.booking_by_code(code_form.cleaned_data["code"])
            except ApplicationError as exc:
                error, status = exc.message, exc.status
        else:
            status = 400
    move_form = MoveForm(request.POST if request.POST.get("action") == "move" else None)
    if booking is not None and request.method == "POST":
        try:
            if request.POST.get("action") == "cancel":
                services.booking_cancel(code=booking.code)
                return redirect(
                    reverse("offices:booking-manage") + f"?code={booking.code}&cancelled=1"
                )
            if request.POST.get("action") == "move" and move_form.is_valid():
                services.booking_move(
                    code=booking.code, starts_at=move_form.cleaned_data["starts_at"]
                )
                return redirect(reverse("offices:booking-manage") + f"?code={booking.code}&moved=1")
            status = 400
        except ApplicationError as exc:
            move_form.add_error(None, exc.message)
            status = exc.status
    local = None
    if booking is not None:
        schedule = selectors.schedule_of(booking.office)
        local = schedule.local(booking.starts_at)
        if booking.status == BookingStatus.BOOKED:
            day = parse_day(request.GET.get("date"), local.date())
            office = selectors.office_get(booking.office_id)
            slots = selectors.free_slots(office, service=booking.service, day=day, exclude=booking)
    return render(
        request,
        "offices/public/manage.html",
        {
            "code_form": code_form,
            "booking": booking,
            "local": local,
            "error": error,
            "move_form": move_form,
            "slots": slots,
            "day": day,
            "flags": {k: k in request.GET for k in ("new", "cancelled", "moved")},
        },
        status=status,
    )


def booking_ics(request, code: str):
    try:
        booking = services.booking_by_code(code)
    except ApplicationError as error:
        raise Http404 from error
    response = HttpResponse(
        booking_calendar(booking, host=request.get_host()),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="visit-{booking.code}.ics"'
    return response


def _today(office):
    return selectors.schedule_of(office).local(timezone.now()).date()


def hall_screen(request, pk: int):
    """The hall screen: tickets called to desks and tickets waiting (no names), kept fresh by JS."""
    office = _office_or_404(pk)
    return render(
        request,
        "offices/public/screen.html",
        {"office": office, "screen": selectors.hall_screen(office, _today(office))},
    )


def hall_screen_data(request, pk: int):
    office = _office_or_404(pk)
    response = JsonResponse(selectors.hall_screen(office, _today(office)))
    response["Cache-Control"] = "no-store"
    return response
