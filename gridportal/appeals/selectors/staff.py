"""Reads for staff, always through the branch scope (accounts/scoping.py)."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import Count, Q
from django.utils import timezone

from gridportal.accounts.scoping import restrict_to_branches

from ..choices import OPEN_STATUSES, RuleKey
from ..models import Appeal
from ..rules import rule_values


def appeals_for_user(*, user):
    return restrict_to_branches(
        Appeal.objects.select_related("branch", "district", "address", "assignee"), user
    )


def appeal_get_for_user(*, user, number: str) -> Appeal | None:
    return appeals_for_user(user=user).filter(number=number).first()


def appeals_search(queryset, query: str):
    """Full-text search (PostgreSQL, Russian stemming) or a plain contains on SQLite."""
    query = (query or "").strip()
    if not query:
        return queryset
    plain = Q(number__icontains=query) | Q(name__icontains=query) | Q(email__icontains=query)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        vector = SearchVector("text", "answer", "demand", config="russian")
        return queryset.annotate(search=vector).filter(
            plain | Q(search=SearchQuery(query, config="russian", search_type="websearch"))
        )
    # SQLite folds the case of ASCII letters only: try the forms people write Cyrillic in.
    words = Q()
    for form in {query, query.lower(), query.capitalize(), query.upper()}:
        words |= Q(text__contains=form) | Q(answer__contains=form)
    return queryset.filter(plain | words)


def queue_for_user(*, user, filters: dict):
    queryset = appeals_for_user(user=user)
    status = filters.get("status") or ""
    if status == "":
        queryset = queryset.filter(status__in=OPEN_STATUSES)
    elif status != "all":
        queryset = queryset.filter(status=status)
    for field in ("appeal_type", "topic", "channel"):
        if filters.get(field):
            queryset = queryset.filter(**{field: filters[field]})
    if filters.get("branch"):
        queryset = queryset.filter(branch=filters["branch"])
    if filters.get("mine"):
        queryset = queryset.filter(assignee=user)
    queryset = appeals_search(queryset, filters.get("q", ""))
    return queryset.order_by("due_on", "registered_at")


def due_soon_days(today: dt.date | None = None) -> int:
    return int(rule_values(today or timezone.localdate())[RuleKey.DUE_SOON_DAYS])


def registry_for_user(*, user, filters: dict):
    queryset = appeals_for_user(user=user)
    if filters.get("date_from"):
        queryset = queryset.filter(registered_at__date__gte=filters["date_from"])
    if filters.get("date_to"):
        queryset = queryset.filter(registered_at__date__lte=filters["date_to"])
    for field in ("channel", "appeal_type"):
        if filters.get(field):
            queryset = queryset.filter(**{field: filters[field]})
    return queryset.order_by("registered_at", "id")


def yearly_counts(*, user, year: int) -> dict[str, dict[str, int]]:
    """Per channel: appeals, complaints, service requests, settled complaints, for a year."""
    from ..choices import AppealType, Justified, Status

    rows = (
        appeals_for_user(user=user)
        .filter(registered_at__year=year)
        .values("channel")
        .annotate(
            appeals=Count("id"),
            complaints=Count("id", filter=Q(appeal_type=AppealType.COMPLAINT)),
            requests=Count("id", filter=Q(appeal_type=AppealType.SERVICE_REQUEST)),
            settled=Count(
                "id",
                filter=Q(
                    appeal_type=AppealType.COMPLAINT,
                    status__in=(Status.ANSWERED, Status.CLOSED),
                    justified=Justified.JUSTIFIED,
                ),
            ),
        )
    )
    return {row["channel"]: row for row in rows}


def staff_home_figures(*, user) -> list[tuple[str, int]]:
    """Open and overdue appeals of the user's branches, for the console home (AppealsConfig)."""
    from django.utils.translation import gettext_lazy as _

    if not user.has_perm("appeals.view_appeal"):
        return []
    open_appeals = appeals_for_user(user=user).filter(status__in=OPEN_STATUSES)
    today = timezone.localdate()
    return [
        (_("Open appeals"), open_appeals.count()),
        (
            _("Overdue appeals"),
            open_appeals.exclude(status="waiting").filter(due_on__lt=today).count(),
        ),
    ]
