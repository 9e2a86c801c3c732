import logging
import time

from django.conf import settings
from django.utils import translation

from .degraded import database_down, unavailable_response
from .models import Branch

logger = logging.getLogger(__name__)

BRANCH_COOKIE = "gp_branch"


class LanguageMiddleware:
    """Russian unless the person chose another language (cookie set by the switcher).

    On pages the browser's Accept-Language is deliberately ignored: the portal of
    a Russian grid company opens in Russian. API clients get their Accept-Language.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.codes = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.codes and request.path.startswith("/api/"):
            language = translation.get_language_from_request(request)
        if language not in self.codes:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


class BranchSelectionMiddleware:
    """The region (branch) the visitor chose, for `selected_branch(request)`, lazily.

    The cookie remembers the choice; `?region=<code>` in the URL overrides it (a shared
    link shows what its sender saw) and updates the cookie; `?region=all` shows all
    regions and forgets the choice. See core/region.py for the helpers pages use.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from .region import region_param

        code = request.COOKIES.get(BRANCH_COOKIE, "")
        asked = region_param(request)
        if asked is not None:
            code = asked
        request._branch_code = code
        request._branch_cache = None
        response = self.get_response(request)
        if asked is not None and not request.path.startswith("/api/"):
            _remember_region(request, response, asked)
        return response


def _remember_region(request, response, code: str) -> None:
    """The region asked for in the URL becomes the remembered one (if it exists)."""
    from .degraded import DATABASE_DOWN

    if code == "":
        response.delete_cookie(BRANCH_COOKIE)
        return
    try:
        branch = selected_branch(request)
    except DATABASE_DOWN:
        return
    if branch is not None and request.COOKIES.get(BRANCH_COOKIE) != branch.code:
        response.set_cookie(BRANCH_COOKIE, branch.code, max_age=365 * 24 * 3600, samesite="Lax")


def selected_branch(request):
    if getattr(request, "_branch_cache", None) is None and getattr(request, "_branch_code", ""):
        request._branch_cache = Branch.objects.filter(code=request._branch_code).first() or False
    return getattr(request, "_branch_cache", None) or None


class DatabaseUnavailableMiddleware:
    """A page whose database is unreachable answers the 503 page with the hotline, not a 500.

    Only for pages: the API and Open311 answer in their own error shapes from their
    exception handlers (gridportal/api/errors.py). See core/degraded.py and decision 0014.
    """

    API_PREFIXES = ("/api/", "/open311/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not database_down(exception) or request.path.startswith(self.API_PREFIXES):
            return None
        logger.warning("degraded: %s %s answered 503: %s", request.method, request.path, exception)
        return unavailable_response(request)


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header (settings.PERMISSIONS_POLICY) to every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "PERMISSIONS_POLICY", "")

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Permissions-Policy", self.policy)
        return response


class RequestLogMiddleware:
    """One log line per request: method, path, status, duration and view (with its request id).

    In JSON (LOG_FORMAT=json) the fields are keys of the line; the request id is added by
    config/logs.py from django-guid, the same value the answer carries in X-Request-ID.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.log = logging.getLogger("gridportal.request")

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        self.log.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "view": match.view_name if match else "",
            },
        )
        return response
