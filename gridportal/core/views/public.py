from django.db import connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ..middleware import BRANCH_COOKIE
from ..models import Branch


def home(request):
    branches = Branch.objects.order_by("name")
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


@never_cache
def health(request):
    """Liveness and database reachability for load balancers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except Exception:  # the answer itself says the database is down
        database = "unavailable"
    status = 200 if database == "ok" else 503
    return JsonResponse(
        {"status": "ok" if status == 200 else "degraded", "database": database}, status=status
    )
