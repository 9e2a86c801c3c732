import sys

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ..degraded import DATABASE_DOWN, company_contacts, database_down, unavailable_response
from ..middleware import BRANCH_COOKIE
from ..models import Branch


def home(request):
    try:
        branches = list(Branch.objects.order_by("name"))
    except DATABASE_DOWN:
        # Degraded mode: the branches and their hotlines as last known (core/degraded.py).
        branches = company_contacts().branches
    return render(request, "core/public/home.html", {"branches": branches})


def _safe_next(request, fallback="/"):
    target = request.POST.get("next") or request.META.get("HTTP_REFERER") or fallback
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return fallback
    return target


@require_POST
def branch_select(request):
    code = request.POST.get("branch", "")
    response = HttpResponseRedirect(_safe_next(request))
    if code and Branch.objects.filter(code=code).exists():
        response.set_cookie(BRANCH_COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax")
    else:
        response.delete_cookie(BRANCH_COOKIE)
    return response


def _database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # the answer itself says the database is down
        return "unavailable"
    return "ok"


def _cache_state() -> str:
    try:
        cache.set("core:health", 1, 10)
        if cache.get("core:health") != 1:
            return "unavailable"
    except Exception:  # the answer itself says the cache is down
        return "unavailable"
    return "ok"


@never_cache
def health_live(request):
    """Liveness: the process answers. Touches neither the database nor the cache."""
    return JsonResponse({"status": "ok"})


@never_cache
def health_ready(request):
    """Readiness for load balancers (also /health/): 503 saying what is down."""
    checks = {"database": _database_state(), "cache": _cache_state()}
    ready = all(state == "ok" for state in checks.values())
    response = JsonResponse(
        {"status": "ok" if ready else "unavailable", **checks}, status=200 if ready else 503
    )
    if not ready:
        response["Retry-After"] = "10"
    return response


def server_error(request):
    """handler500: a database that cannot be reached is a 503 with the hotline, not a 500."""
    if database_down(sys.exc_info()[1]):
        return unavailable_response(request)
    return defaults.server_error(request)
