"""Public pages: subscribe, confirm (link or SMS code), unsubscribe, manage. No account needed."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from gridportal.core.exceptions import ApplicationError
from gridportal.core.limits import limit_hit
from gridportal.core.services import client_ip
from gridportal.grid.lookup import RESULTS_TEMPLATE, address_lookup

from .. import links, selectors, services
from ..choices import Channel, SubscriptionStatus
from ..forms import CodeForm, ManageLinkForm, RestoreForm, SubscribeForm
from ..models import Subscription
from ..transports import sms_enabled


def _language(request) -> str:
    return "en" if (getattr(request, "LANGUAGE_CODE", "ru") or "ru").startswith("en") else "ru"


@require_http_methods(["GET", "POST"])
def subscribe(request):
    """Subscribe to news about an address; without an address, find it first."""
    address_id = request.POST.get("address") or request.GET.get("address")
    if request.method == "GET" and not address_id:
        context = address_lookup(request).context(pick_url=reverse("notifications:subscribe"))
        if request.htmx:
            return render(request, RESULTS_TEMPLATE, context)
        return render(request, "notifications/public/subscribe_find.html", context)
    address = selectors.address_for_subscription(address_id=address_id)
    if address is None and request.method == "GET":
        context = address_lookup(request).context(pick_url=reverse("notifications:subscribe"))
        context["error"] = _("We do not know this address. Find it with the search.")
        return render(request, "notifications/public/subscribe_find.html", context, status=404)

    form = SubscribeForm(request.POST or None, initial={"address": address})
    status = 200
    if request.method == "POST" and not _subscribe_rate_allow(request):
        form.is_valid()
        form.errors.clear()
        form.add_error(
            None, _("Too many subscription requests from your network. Please try again later.")
        )
        status = 429
    elif request.method == "POST":
        if form.is_valid():
            try:
                subscription = services.subscription_create(
                    address=form.cleaned_data["address"],
                    channel=form.cleaned_data["channel"],
                    contact=form.cleaned_data["contact"],
                    language=_language(request),
                    request=request,
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                if subscription.channel == Channel.SMS:
                    return redirect("notifications:verify", token=links.verify_token(subscription))
                return render(
                    request,
                    "notifications/public/subscribe_done.html",
                    {"subscription": subscription, "address": subscription.address},
                )
        status = 400
    return render(
        request,
        "notifications/public/subscribe.html",
        {"form": form, "address": address, "sms_enabled": sms_enabled()},
        status=status,
    )


def _subscribe_rate_allow(request) -> bool:
    policy = services.policy_in_force()
    if not policy.subscribe_per_ip_per_hour:
        return True
    return not limit_hit(
        group="notifications.subscribe.ip",
        value=client_ip(request) or "unknown",
        limit=policy.subscribe_per_ip_per_hour,
    )


def _link_invalid(request, status=400):
    return render(request, "notifications/public/link_invalid.html", status=status)


def confirm(request, token):
    """The link in the confirmation letter: confirms the e-mail subscription."""
    policy = services.policy_in_force()
    data = links.confirm_token_read(token, max_age=policy.confirm_link_hours * 3600)
    if data is None:
        return _link_invalid(request)
    pk, contact = data
    subscription = Subscription.objects.select_related("address").filter(pk=pk)
    if contact is not None:  # a token of the old format names the contact it was made for
        subscription = subscription.filter(contact=contact)
    subscription = subscription.first()
    if subscription is None or subscription.is_erased:
        return _link_invalid(request)
    try:
        subscription = services.subscription_confirm(subscription=subscription)
    except ApplicationError as error:
        return render(
            request,
            "notifications/public/link_invalid.html",
            {"message": error.message, "address": subscription.address},
            status=400,
        )
    return render(
        request,
        "notifications/public/confirmed.html",
        {"subscription": subscription, "manage_url": links.manage_url(subscription)},
    )


@require_http_methods(["GET", "POST"])
def verify(request, token):
    """Enter the 6-digit code we sent by SMS; or ask for a new one."""
    pk = links.verify_token_read(token)
    subscription = (
        Subscription.objects.select_related("address").filter(pk=pk, channel=Channel.SMS).first()
        if pk
        else None
    )
    if subscription is None:
        return _link_invalid(request)
    if subscription.status == SubscriptionStatus.CONFIRMED:
        return render(
            request,
            "notifications/public/confirmed.html",
            {"subscription": subscription, "manage_url": links.manage_url(subscription)},
        )
    resend = request.POST.get("action") == "resend"
    form = CodeForm(request.POST if request.method == "POST" and not resend else None)
    status, error_message = 200, ""
    if request.method == "POST":
        try:
            if resend:
                services.subscription_code_resend(subscription=subscription)
                messages.success(request, _("We sent you a new code."))
                return redirect("notifications:verify", token=token)
            if form.is_valid():
                subscription = services.subscription_code_verify(
                    subscription=subscription, code=form.cleaned_data["code"]
                )
                return render(
                    request,
                    "notifications/public/confirmed.html",
                    {"subscription": subscription, "manage_url": links.manage_url(subscription)},
                )
        except ApplicationError as error:
            error_message = error.message
        status = 400
    return render(
        request,
        "notifications/public/verify.html",
        {
            "form": form,
            "error_message": error_message,
            "subscription": subscription,
            "phone": subscription.masked_contact,
        },
        status=status,
    )


def _subscription_from_unsubscribe_token(token):
    pk = links.unsubscribe_token_read(token)
    return Subscription.objects.select_related("address").filter(pk=pk).first() if pk else None


def _unsubscribed_page(request, subscription, *, form=None, status=200):
    return render(
        request,
        "notifications/public/unsubscribed.html",
        {
            "subscription": subscription,
            "token": links.unsubscribe_token(subscription),
            "restore_form": form or RestoreForm(),
            "restorable": subscription.confirmed_at is not None and not subscription.is_erased,
            "resubscribe_url": reverse("notifications:subscribe")
            + f"?address={subscription.address_id}",
            "manage_url": links.manage_url(subscription),
        },
        status=status,
    )


ONE_CLICK = "One-Click"


@csrf_exempt  # only the RFC 8058 one-click POST; every other request goes through the CSRF check
def unsubscribe(request, token):
    """The unsubscribe link of every message (RFC 8058).

    GET shows the subscription and one button, so a mail scanner that opens links
    unsubscribes nobody; the button POSTs (with the CSRF token) and unsubscribes. A mail
    client's one-click POST (`List-Unsubscribe=One-Click`, from the `List-Unsubscribe-Post`
    header) has no session and no CSRF token: it alone is exempt, and unsubscribes at once.
    """
    if request.method == "POST" and request.POST.get("List-Unsubscribe") == ONE_CLICK:
        return _unsubscribe_now(request, token)
    return _unsubscribe_page(request, token)


@csrf_protect
@require_http_methods(["GET", "POST"])
def _unsubscribe_page(request, token):
    subscription = _subscription_from_unsubscribe_token(token)
    if subscription is None:
        return _link_invalid(request, status=404)
    if request.method == "POST":
        return _unsubscribe_now(request, token, subscription=subscription)
    if subscription.status == SubscriptionStatus.UNSUBSCRIBED or subscription.is_erased:
        return _unsubscribed_page(request, subscription)
    return render(
        request,
        "notifications/public/unsubscribe.html",
        {
            "subscription": subscription,
            "token": token,
            "manage_url": links.manage_url(subscription),
        },
    )


def _unsubscribe_now(request, token, *, subscription=None):
    subscription = subscription or _subscription_from_unsubscribe_token(token)
    if subscription is None:
        return _link_invalid(request, status=404)
    subscription = services.subscription_unsubscribe(subscription=subscription)
    return _unsubscribed_page(request, subscription)


@require_http_methods(["POST"])
def restore(request, token):
    """«Unsubscribed by mistake»: keep the subscription, with consent given again."""
    subscription = _subscription_from_unsubscribe_token(token)
    if subscription is None:
        return _link_invalid(request, status=404)
    form = RestoreForm(request.POST)
    if not form.is_valid():
        return _unsubscribed_page(request, subscription, form=form, status=400)
    try:
        subscription = services.subscription_restore(subscription=subscription, request=request)
    except ApplicationError as error:
        form.add_error(None, error.message)
        return _unsubscribed_page(request, subscription, form=form, status=400)
    return render(
        request,
        "notifications/public/confirmed.html",
        {"subscription": subscription, "manage_url": links.manage_url(subscription)},
    )


@require_http_methods(["GET", "POST"])
def manage(request, token):
    """Every subscription of one contact, reached by the signed link in our messages."""
    data = links.manage_token_read(token)
    if data is None:
        return _link_invalid(request)
    channel, contact = data
    if request.method == "POST":
        subscription = (
            selectors.subscriptions_of_contact(channel=channel, contact=contact)
            .filter(pk=_int(request.POST.get("subscription")))
            .first()
        )
        if subscription is None:
            raise Http404
        services.subscription_unsubscribe(subscription=subscription)
        messages.success(
            request,
            _("You will no longer receive news about {address}.").format(
                address=subscription.address.label
            ),
        )
        return redirect("notifications:manage", token=token)
    subscriptions = selectors.subscriptions_of_contact(channel=channel, contact=contact)
    return render(
        request,
        "notifications/public/manage.html",
        {
            "subscriptions": subscriptions,
            "contact": contact,
            "channel": Channel(channel).label if channel in Channel.values else channel,
        },
    )


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@require_http_methods(["GET", "POST"])
def manage_request(request):
    """Ask for the manage link again: it goes to the contact, never to the page."""
    form = ManageLinkForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not _subscribe_rate_allow(request):
            form.is_valid()
            form.errors.clear()
            form.add_error(
                None,
                _("Too many subscription requests from your network. Please try again later."),
            )
            status = 429
        elif form.is_valid():
            services.manage_link_request(
                channel=form.cleaned_data["channel"], contact=form.cleaned_data["address"]
            )
            return render(request, "notifications/public/manage_request_done.html")
        else:
            status = 400
    return render(
        request, "notifications/public/manage_request.html", {"form": form}, status=status
    )
