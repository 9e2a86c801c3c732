"""Staff reads, scoped to the reader's branches (company-wide records are everyone's)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from gridportal.accounts.scoping import user_branch_ids

from ..models import DisclosureItem, Document
from ..periods import Due
from ..services.calendar import item_due


def _scoped(queryset: QuerySet, user, field: str = "branch") -> QuerySet:
    """The user's branches' rows and the company-wide ones; nothing for non-staff."""
    if not (user.is_authenticated and user.is_staff):
        return queryset.none()
    ids = user_branch_ids(user)
    if ids is None:
        return queryset
    return queryset.filter(Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__in": ids}))


def documents_for_user(*, user) -> QuerySet[Document]:
    return _scoped(Document.objects.select_related("branch", "supersedes"), user)


def document_get_for_user(*, user, pk: int) -> Document:
    return get_object_or_404(documents_for_user(user=user), pk=pk)


def items_for_user(*, user) -> QuerySet[DisclosureItem]:
    return _scoped(
        DisclosureItem.objects.select_related("branch", "responsible").prefetch_related(
            "publications"
        ),
        user,
    )


def item_get_for_user(*, user, pk: int) -> DisclosureItem:
    return get_object_or_404(items_for_user(user=user), pk=pk)


@dataclass(frozen=True)
class CalendarRow:
    item: DisclosureItem
    due: Due | None
    latest: object  # the latest Publication or None


def calendar_for_user(*, user, today: dt.date | None = None) -> list[CalendarRow]:
    """Every item the user answers for with its next due period; overdue first."""
    today = today or timezone.localdate()
    rows = []
    for item in items_for_user(user=user):
        publications = list(item.publications.all())
        due = item_due(item, today=today, published={p.period for p in publications})
        latest = max(publications, key=lambda p: (p.published_at, p.pk), default=None)
        rows.append(CalendarRow(item=item, due=due, latest=latest))
    rows.sort(key=lambda r: (r.due is None, r.due.due if r.due else dt.date.max, r.item.order))
    return rows
