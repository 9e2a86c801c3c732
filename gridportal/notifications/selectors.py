"""Reads of the notifications app; staff reads are narrowed to the asker's branches."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from gridportal.accounts.scoping import restrict_to_branches
from gridportal.grid.models import ServiceAddress

from .choices import Channel, SubscriptionStatus
from .models import Delivery, Subscription


def address_for_subscription(*, address_id) -> ServiceAddress | None:
    try:
        pk = int(address_id)
    except (TypeError, ValueError):
        return None
    return (
        ServiceAddress.objects.select_related("branch", "district", "substation", "street")
        .filter(pk=pk)
        .first()
    )


def subscriptions_of_contact(*, channel: str, contact: str) -> QuerySet[Subscription]:
    return (
        Subscription.objects.filter(
            channel=channel,
            contact=contact,
            status__in=(SubscriptionStatus.PENDING, SubscriptionStatus.CONFIRMED),
        )
        .select_related("address__branch")
        .order_by("address__label")
    )


def delivery_list_for_user(*, user, status: str = "", event: str = "") -> QuerySet[Delivery]:
    qs = Delivery.objects.select_related("subscription__address__branch").order_by(
        "-created_at", "-id"
    )
    qs = restrict_to_branches(qs, user)
    if status:
        qs = qs.filter(status=status)
    if event:
        qs = qs.filter(event_key__icontains=event)
    return qs


def delivery_get_for_user(*, user, pk) -> Delivery:
    return get_object_or_404(
        delivery_list_for_user(user=user).select_related("subscription__address__branch"), pk=pk
    )


def subscription_get_for_user(*, user, pk) -> Subscription:
    qs = restrict_to_branches(
        Subscription.objects.select_related("address__branch", "consent"), user
    )
    return get_object_or_404(qs, pk=pk)


def subscription_counts_for_user(*, user) -> list[dict]:
    """Per branch: confirmed and pending subscriptions, by channel."""
    qs = restrict_to_branches(Subscription.objects.all(), user)
    confirmed = Q(status=SubscriptionStatus.CONFIRMED)
    return list(
        qs.values("address__branch_id", "address__branch__name", "address__branch__name_en")
        .annotate(
            confirmed_email=Count("id", filter=confirmed & Q(channel=Channel.EMAIL)),
            confirmed_sms=Count("id", filter=confirmed & Q(channel=Channel.SMS)),
            pending=Count("id", filter=Q(status=SubscriptionStatus.PENDING)),
            unsubscribed=Count("id", filter=Q(status=SubscriptionStatus.UNSUBSCRIBED)),
        )
        .order_by("address__branch__name")
    )
