"""Staff console: delivery log (branch-scoped, retry failed), subscription counts, audited contact view."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gridportal.accounts.decorators import staff_required
from gridportal.core.choices import AuditAction
from gridportal.core.exceptions import ApplicationError
from gridportal.core.services import audit_record

from .. import selectors, services
from ..forms import DeliveryFilterForm


@staff_required(permission="notifications.view_delivery")
def delivery_list(request):
    form = DeliveryFilterForm(request.GET or None)
    status, event = "", ""
    if form.is_valid():
        status = form.cleaned_data["status"]
        event = form.cleaned_data["event"].strip()
    deliveries = selectors.delivery_list_for_user(user=request.user, status=status, event=event)
    page = Paginator(deliveries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/staff/delivery_list.html",
        {"form": form, "page": page},
        status=200 if form.is_valid() or not request.GET else 400,
    )


@require_POST
@staff_required(permission="notifications.change_delivery")
def delivery_retry(request, pk):
    delivery = selectors.delivery_get_for_user(user=request.user, pk=pk)
    try:
        services.delivery_retry(delivery=delivery, actor=request.user, request=request)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The message is queued again."))
    next_url = request.POST.get("next", "")
    if next_url.startswith("/") and not next_url.startswith("//"):
        return redirect(next_url)
    return redirect("staff:notifications:deliveries")


@staff_required(permission="notifications.view_subscription")
def subscription_counts(request):
    return render(
        request,
        "notifications/staff/subscription_counts.html",
        {"rows": selectors.subscription_counts_for_user(user=request.user)},
    )


@staff_required(permission="notifications.view_subscription")
def subscription_detail(request, pk):
    """The subscriber's contact in full: every view is written to the audit log."""
    subscription = selectors.subscription_get_for_user(user=request.user, pk=pk)
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        obj=subscription,
        branch=subscription.address.branch,
        request=request,
        details={"field": "contact"},
    )
    deliveries = subscription.deliveries.order_by("-created_at")[:50]
    return render(
        request,
        "notifications/staff/subscription_detail.html",
        {"subscription": subscription, "deliveries": deliveries},
    )
