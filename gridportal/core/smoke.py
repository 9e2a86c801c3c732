"""Every page the URL conf declares, as concrete URLs for a smoke crawl (.ci/prod-smoke).

Generated from the URL conf, so a new app's pages are covered as soon as it is mounted.
Parameters are filled generically: a `pk` (or `<name>_id`) of a class-based view or a
viewset comes from its model; otherwise the model is guessed from the path segment before
the parameter (`incidents/<int:pk>/` → a model named …incident, in the namespace's app
first), taking the first row — in the demo staff's branch when the model has one. The
few other parameters are in FILLERS; a URL that cannot be filled is skipped with the
reason printed, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.test import RequestFactory
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse


def _first_published_quarter():
    model = apps.get_model("capacity", "CapacitySnapshot")
    snapshot = model.objects.filter(status="published").order_by("-as_of").first()
    return snapshot.as_of.isoformat() if snapshot else None


# Parameters that name no row: a value, or a function giving one from the data (None: skip).
FILLERS = {
    "format": lambda: "json",
    "fmt": lambda: "csv",
    "as_of": _first_published_quarter,
}


# Parameters that are secrets or actions: such URLs are only reached from a link or a form.
def _first_address_id():
    row = apps.get_model("grid", "ServiceAddress")._base_manager.order_by("pk").first()
    return row.pk if row else None


def _query(**values):
    def build():
        filled = {k: (v() if callable(v) else v) for k, v in values.items()}
        return None if None in filled.values() else urlencode(filled)

    return build


# Pages whose parameters are in the query string (the call answers 400 without them).
QUERIES = {
    "outages:storm:status": _query(address=_first_address_id),
    "api:address-search": _query(q="Ленина"),
    "api:outages-status": _query(address=_first_address_id),
    "api:capacity-nearby": _query(kw="150", lat="61.79", lon="34.36"),
    "api:reliability-indices": _query(**{"from": "2026-01-01", "to": "2026-06-30"}),
    "api:office-slots": _query(service="connection", date=lambda: _next_weekday().isoformat()),
}


def _next_weekday():
    import datetime as dt

    day = dt.date.today() + dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


# Rows a page shows only in some state (a customer's draft is not the staff's business).
ROW_FILTERS = {
    "connection.connectionapplication": {"submitted_at__isnull": False},
}
SKIP_NAMES = {
    "open311:not-found": "the catch-all that answers 404 by design",
    "admin:autocomplete": "the admin's autocomplete needs a field to complete",
    "metrics": "needs METRICS_TOKEN; .ci/prod-smoke checks it with and without",
    "api:appeals-track": "needs the appeal's tracking code (given to the person only)",
    "api:connection-application-detail": "a customer's own application: anyone else gets 404",
}
UNFILLABLE = {
    "token": "a signed token from an e-mail or SMS",
    "action": "a staff action (POST)",
    "rest": "a redirect of an old prefix",
    "code": "an Open311 service code (from the registry, not a row)",
}


@dataclass
class Target:
    url: str
    name: str
    kind: str  # public | staff | api | admin
    # The row filling a parameter is not of the demo staff's branch (that branch has none):
    # staff of that branch rightly get 404 for it; others must not.
    foreign: bool = False


@dataclass
class Listing:
    targets: list[Target] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (route, reason)


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), namespace, pattern


def _parameters(route: str) -> list[str]:
    names = re.findall(r"<(?:\w+:)?(\w+)>", route)
    names += re.findall(r"\(\?P<(\w+)>", route)
    return names


def _view_model(callback):
    view = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    for attribute in ("model", "queryset"):
        value = getattr(view, attribute, None)
        if value is not None:
            return getattr(value, "model", value)
    return None


def _singular(word: str) -> str:
    word = word.replace("-", "").replace("_", "").lower()
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _guess_model(route: str, parameter: str, namespace: str):
    if parameter.endswith("_id"):
        noun = parameter[:-3]
    else:
        before = re.split(r"<(?:\w+:)?" + parameter + r">|\(\?P<" + parameter + ">", route)[0]
        segments = [s for s in re.split(r"[/^]", before) if s and not s.startswith("(")]
        if not segments:
            return None
        noun = segments[-1]
    noun = _singular(noun)
    labels = [part for part in namespace.split(":") if part and part != "staff"]
    preferred = [
        m
        for label in labels
        if label in apps.app_configs
        for m in apps.get_app_config(label).get_models()
    ]
    for pool in (preferred, list(apps.get_models())):
        exact = [m for m in pool if m._meta.model_name == noun]
        if len(exact) == 1:
            return exact[0]
        ending = [m for m in pool if m._meta.model_name.endswith(noun)]
        if len(ending) == 1:
            return ending[0]
    return None


def _first_row(model, branch_code):
    """(the first row, whether it is outside the staff's branch)."""
    rows = model._base_manager.filter(**ROW_FILTERS.get(model._meta.label_lower, {})).order_by("pk")
    path = getattr(model, "branch_path", None)
    if path is None and any(f.name == "branch" for f in model._meta.get_fields()):
        path = "branch"
    if branch_code and path and path != "pk":
        in_branch = rows.filter(**{f"{path}__code": branch_code}).first()
        if in_branch is not None:
            return in_branch, False
        return rows.first(), True
    return rows.first(), False


def _admin_can_add(name: str) -> bool:
    """False for an admin «add» page the ModelAdmin refuses even to a superuser."""
    if not name.endswith("_add"):
        return True
    request = RequestFactory().get("/admin/")
    request.user = apps.get_model(*settings.AUTH_USER_MODEL.split("."))(
        is_superuser=True, is_staff=True, is_active=True
    )
    for model, model_admin in admin.site._registry.items():
        if name == f"admin:{model._meta.app_label}_{model._meta.model_name}_add":
            return model_admin.has_add_permission(request)
    return True


def _kind(url: str) -> str:
    if url.startswith("/admin/"):
        return "admin"
    if url.startswith("/staff/"):
        return "staff"
    if url.startswith("/api/"):
        return "api"
    return "public"


def smoke_targets(*, branch_code: str | None = None) -> Listing:
    listing = Listing()
    seen = set()
    for route, namespace, pattern in _walk(get_resolver().url_patterns):
        label = f"/{route}"
        if not pattern.name:
            listing.skipped.append((label, "unnamed pattern (cannot be reversed)"))
            continue
        name = namespace + pattern.name
        if name in SKIP_NAMES:
            listing.skipped.append((label, SKIP_NAMES[name]))
            continue
        kwargs, reason, foreign = {}, None, False
        for parameter in _parameters(route):
            if parameter in UNFILLABLE:
                reason = UNFILLABLE[parameter]
            elif parameter in FILLERS:
                kwargs[parameter] = FILLERS[parameter]()
                if kwargs[parameter] is None:
                    reason = f"no data for <{parameter}>"
            else:
                model = None
                if parameter == "pk":
                    model = _view_model(pattern.callback)
                model = model or _guess_model(route, parameter, namespace)
                if name.startswith("admin:") and parameter == "object_id":
                    model = None
                row, outside = (
                    _first_row(model, branch_code) if model is not None else (None, False)
                )
                foreign = foreign or outside
                if model is None:
                    reason = f"cannot tell which model <{parameter}> names"
                elif row is None:
                    reason = f"no {model._meta.label} row for <{parameter}>"
                else:
                    # A parameter named after a field (<slug>, <number>) takes that field;
                    # <pk> and <…_id> take the key.
                    named = parameter != "pk" and not parameter.endswith("_id")
                    value = getattr(row, parameter, None) if named else None
                    kwargs[parameter] = value if isinstance(value, str | int) and value else row.pk
            if reason:
                break
        if reason:
            listing.skipped.append((label, reason))
            continue
        try:
            url = reverse(name, kwargs=kwargs)
        except NoReverseMatch as error:
            listing.skipped.append((label, f"cannot reverse: {error}"))
            continue
        if name in QUERIES:
            query = QUERIES[name]()
            if query is None:
                listing.skipped.append((label, "no data for its query string"))
                continue
            url = f"{url}?{query}"
        if name.startswith("admin:") and not _admin_can_add(name):
            listing.skipped.append(
                (label, "its ModelAdmin allows no adding, not even to a superuser")
            )
            continue
        if url not in seen:
            seen.add(url)
            listing.targets.append(Target(url=url, name=name, kind=_kind(url), foreign=foreign))
    return listing
