"""Degraded mode: what the portal answers when the database does not.

When PostgreSQL is unreachable, a page that needs it answers 503 with the
hotline number and `Retry-After` instead of a 500 (docs/storm.md, «Degraded
mode»; decision 0014). Two things make that possible without the database:

- the company's contacts (name, hotline numbers, branches) are kept in the
  shared cache with no expiry and in every process for a minute
  (`company_contacts`), refilled from the database whenever it answers and
  dropped when a company or branch is saved; `HOTLINE_PHONE` in the settings
  is the last resort;
- the 503 page (`unavailable_response`) is a template that needs nothing from
  the database: it is rendered without the context processors.

Only connection-level failures count (`DATABASE_DOWN`: OperationalError and
InterfaceError, also when they are the cause of another exception); a
programming error still is a 500.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, transaction
from django.http import HttpResponse
from django.template.loader import render_to_string

from .models import bilingual

logger = logging.getLogger(__name__)

DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
CONTACTS_KEY = "core:contacts"
CONTACTS_LOCAL_SECONDS = 60.0


def database_down(exc: BaseException | None) -> bool:
    """Is this (or what caused it) a failure to reach the database?"""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, DATABASE_DOWN):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


@dataclass(frozen=True)
class BranchContact:
    """A branch as the pages need it without the database: names, region, hotline."""

    code: str
    name: str
    name_en: str
    region: str
    hotline_phone: str

    @property
    def display_name(self) -> str:
        return bilingual(self.name, self.name_en)


@dataclass(frozen=True)
class Contacts:
    """The company's name and hotline numbers, available while the database is down."""

    name: str
    name_en: str
    short_name: str
    hotline_phone: str
    branches: tuple[BranchContact, ...] = ()

    @property
    def display_name(self) -> str:
        return bilingual(self.name, self.name_en)

    def branch(self, code: str) -> BranchContact | None:
        return next((b for b in self.branches if b.code == code), None)

    def hotline_for(self, code: str = "") -> str:
        """The branch's hotline when it has one, else the company's."""
        branch = self.branch(code) if code else None
        return (branch.hotline_phone if branch else "") or self.hotline_phone


def _from_settings() -> Contacts:
    name = settings.PORTAL_NAME
    return Contacts(
        name=name, name_en="", short_name=name, hotline_phone=settings.HOTLINE_PHONE, branches=()
    )


def _from_database() -> Contacts:
    from .models import Branch, Company

    company = Company.objects.order_by("id").first()
    if company is None:
        return _from_settings()
    branches = tuple(
        BranchContact(
            code=b.code,
            name=b.name,
            name_en=b.name_en,
            region=b.region,
            hotline_phone=b.hotline_phone,
        )
        for b in Branch.objects.filter(company=company).order_by("name")
    )
    return Contacts(
        name=company.name,
        name_en=company.name_en,
        short_name=company.short_name,
        hotline_phone=company.hotline_phone or settings.HOTLINE_PHONE,
        branches=branches,
    )


class _LocalContacts:
    def __init__(self):
        self.value: Contacts | None = None
        self.at = 0.0
        self.lock = threading.Lock()

    def fresh(self) -> Contacts | None:
        if self.value is not None and time.monotonic() - self.at < CONTACTS_LOCAL_SECONDS:
            return self.value
        return None

    def put(self, value: Contacts) -> None:
        with self.lock:
            self.value, self.at = value, time.monotonic()

    def clear(self) -> None:
        with self.lock:
            self.value, self.at = None, 0.0


_local = _LocalContacts()


def company_contacts() -> Contacts:
    """Name and hotline numbers: this process, then the cache, then the database, then settings."""
    found = _local.fresh()
    if found is not None:
        return found
    try:
        found = cache.get(CONTACTS_KEY)
    except Exception:  # the cache is down: the database may still answer
        logger.warning("degraded: cache unavailable for the company contacts", exc_info=True)
        found = None
    if not isinstance(found, Contacts):
        try:
            found = _from_database()
        except DATABASE_DOWN:
            # Keep what this process last knew rather than forget the real numbers.
            return _local.value or _from_settings()
        try:
            cache.set(CONTACTS_KEY, found, None)
        except Exception:
            logger.warning("degraded: could not store the company contacts", exc_info=True)
    _local.put(found)
    return found


def contacts_drop() -> None:
    """Forget the kept contacts in this process and the cache."""
    _local.clear()
    try:
        cache.delete(CONTACTS_KEY)
    except Exception:
        logger.warning("degraded: could not drop the company contacts", exc_info=True)


def contacts_forget(**kwargs) -> None:
    """Signal receiver: a company or branch changed; the next read goes to the database.

    Dropped at once and again after commit, so a read between the two cannot keep
    the numbers from before the edit.
    """
    contacts_drop()
    transaction.on_commit(contacts_drop)


def contacts_local_clear() -> None:
    """Forget this process's copy (tests: as if this were another process)."""
    _local.clear()


def unavailable_response(request, *, retry_after: int = RETRY_AFTER_SECONDS) -> HttpResponse:
    """The 503 page: what happened, what to do, the hotline; rendered without the database.

    A POST is told plainly that what it sent was not received, so nobody takes a
    half-finished submission for an acknowledged one.
    """
    from .middleware import BRANCH_COOKIE
    from .navigation import public_navigation

    contacts = company_contacts()
    code = request.COOKIES.get(BRANCH_COOKIE, "") if request is not None else ""
    body = render_to_string(
        "core/unavailable.html",
        {
            "contacts": contacts,
            "hotline_phone": contacts.hotline_for(code),
            "submitted": request is not None and request.method == "POST",
            "nav": public_navigation(),
        },
    )
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response
