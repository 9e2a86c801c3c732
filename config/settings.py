"""Gridportal settings: every value comes from the environment (django-environ).

The defaults give the embedded tier: SQLite in the project folder, local-memory
cache, Celery tasks run eagerly in-process, mail printed to the console.
Setting DEBUG=false switches on production checks that refuse unsafe values.
"""

import os
from datetime import timedelta
from ipaddress import ip_network
from pathlib import Path
from urllib.parse import urlsplit

# openpyxl reads workbooks with lxml when lxml is installed (python-docx brings it), and lxml
# without `huge_tree` silently drops a text node over 10 MB: a giant cell would be read as
# something else instead of refused. Uploaded workbooks are read with the standard library's
# parser, whose results core/tabular.py checks (decision 0011). Set before openpyxl is imported.
os.environ.setdefault("OPENPYXL_LXML", "False")

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.databases import REPLICA_READ_VIEWS as PUBLIC_READ_VIEWS
from config.databases import databases
from config.logs import logging_config, sentry_init

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEV_SECRET_KEY = "dev-only-insecure-key-change-me"

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default=DEV_SECRET_KEY)
if not DEBUG and (SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 40):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 40 characters when DEBUG is off."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Balancers/reverse proxies (CIDRs) whose X-Forwarded-For is believed; empty → REMOTE_ADDR is
# the client (gridportal/core/services.py: client_ip, used by limits, axes and the audit log).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
for _cidr in TRUSTED_PROXIES:
    try:
        ip_network(_cidr, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: {_cidr!r} is not an address or CIDR."
        ) from None
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# A TrueType font with Cyrillic for PDF documents; empty: DejaVu Sans where the system has it
# (gridportal/core/pdf.py; Debian: apt-get install fonts-dejavu-core).
PDF_FONT = env.str("PDF_FONT", default="")

INSTALLED_APPS = [
    # django.contrib.admin with the administrators-only, branch-scoped site (decision 0013).
    "gridportal.accounts.admin_apps.GridAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "axes",
    "csp",
    "django_prometheus",
    "django_guid",
    "gridportal.core",
    "gridportal.accounts",
    "gridportal.grid",
    "gridportal.notifications",
    "gridportal.outages",
    "gridportal.open311",
    "gridportal.capacity",
    "gridportal.appeals",
    "gridportal.surveys",
    "gridportal.offices",
    "gridportal.reliability",
    "gridportal.learn",
    "gridportal.disclosure",
    "gridportal.connection",
    "gridportal.api",
]

MIDDLEWARE = [
    # First and (nearly) last: request latency by view and status (django-prometheus).
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # The request id (X-Request-ID from nginx, else a new one) on every log line and answer.
    "django_guid.middleware.guid_middleware",
    "gridportal.core.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "gridportal.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "gridportal.core.middleware.LanguageMiddleware",
    # Before anything reads the request: control characters and size errors → 400/413.
    "gridportal.core.hygiene.InputHygieneMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "gridportal.core.middleware.BranchSelectionMiddleware",
    # Degraded mode: a page whose database is down answers 503 with the hotline (decision 0014).
    "gridportal.core.middleware.DatabaseUnavailableMiddleware",
    # After it, so that a replica lost half-way is retried on the primary before the 503.
    "gridportal.core.db_router.ReplicaReadsMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    # Last: turns a sign-in refused by django-axes into the lock-out page (429).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "gridportal.core.context_processors.portal",
            ],
        },
    },
]

# The primary, and a streaming read replica when DATABASE_REPLICA_URL is set (config/databases.py).
DATABASES = databases(env, BASE_DIR)
DATABASE_ROUTERS = ["gridportal.core.db_router.ReplicaRouter"]
REPLICA_RETRY_SECONDS = env.float("REPLICA_RETRY_SECONDS", default=10.0)
REPLICA_READ_VIEWS = PUBLIC_READ_VIEWS

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "gridportal.core.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="gridportal"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Rate limits (core/limits.py, django-ratelimit) count in the default cache. If the cache
# cannot count, the hotline keeps accepting reports rather than refusing everyone.
RATELIMIT_USE_CACHE = "default"
RATELIMIT_FAIL_OPEN = True

# Sign-in throttling (django-axes, docs/decisions/0012-signin-throttling-tokens-csp.md).
# Failed sign-ins (the login page and the admin's) are counted in the shared cache, so
# every web node sees them when REDIS_URL is set, per username and IP address together:
# after LOGIN_FAILURE_LIMIT failures that pair is refused for LOGIN_COOLOFF_MINUTES, the
# right password included, with a 429 page that names SIGNIN_HELP_CONTACT.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_CACHE = "default"
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
LOGIN_COOLOFF_MINUTES = env.int("LOGIN_COOLOFF_MINUTES", default=15)
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The cool-off runs from the lock-out: more tries during it do not prolong it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "gridportal.core.services.client_ip"
AXES_LOCKOUT_CALLABLE = "gridportal.accounts.views.auth.locked_out"
AXES_VERBOSE = False
if AXES_FAILURE_LIMIT < 1 or LOGIN_COOLOFF_MINUTES < 1:
    raise ImproperlyConfigured("LOGIN_FAILURE_LIMIT and LOGIN_COOLOFF_MINUTES must be positive.")
# Whom a locked-out staff member should call, e.g. "ИТ-поддержка: +7 812 000-00-00, доб. 1234".
SIGNIN_HELP_CONTACT = env.str("SIGNIN_HELP_CONTACT", default="")
SILENCED_SYSTEM_CHECKS = []
if not REDIS_URL:
    # The embedded tier has no shared cache: one process counts in its own memory (axes.W001
    # says so). With several processes or nodes, set REDIS_URL.
    SILENCED_SYSTEM_CHECKS.append("axes.W001")

# Celery: with no broker the embedded tier runs every task in-process.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "UTC"
# Celery closes the database connections after every task: a new PostgreSQL connection
# per roll-up cost a storm more than the roll-up. Kept for this many tasks instead, and
# checked before each like a request's (config/celery.py).
CELERY_DB_REUSE_MAX = env.int("CELERY_DB_REUSE_MAX", default=1000)
# The beat schedule is declared where each task lives (add_periodic_task in the apps'
# tasks.py, gridportal/core/periodic.py); config/ names no domain task.
# Report intake at storm scale (gridportal/outages/services/rollups.py): with a broker the
# request persists the report and answers; a worker rolls its power centre up moments later,
# once per burst of reports there (OUTAGES_ROLLUP_DELAY seconds after the first), and the
# sweep rolls up any report still waiting after OUTAGES_ROLLUP_SWEEP_AFTER seconds. Without
# a broker (eager tasks) the request rolls up itself.
OUTAGES_ROLLUP_DEFERRED = env.bool("OUTAGES_ROLLUP_DEFERRED", default=not CELERY_TASK_ALWAYS_EAGER)
OUTAGES_ROLLUP_DELAY = env.float("OUTAGES_ROLLUP_DELAY", default=0.5)
# At storm rates a centre is rolled up less often, in bigger batches: once this process
# has taken OUTAGES_ROLLUP_BUSY_RATE reports in the last second, the roll-ups it queues
# wait OUTAGES_ROLLUP_BUSY_DELAY seconds (decision 0017).
OUTAGES_ROLLUP_BUSY_RATE = env.int("OUTAGES_ROLLUP_BUSY_RATE", default=20)
OUTAGES_ROLLUP_BUSY_DELAY = env.float("OUTAGES_ROLLUP_BUSY_DELAY", default=5.0)
OUTAGES_ROLLUP_SWEEP_AFTER = env.float("OUTAGES_ROLLUP_SWEEP_AFTER", default=60.0)
if OUTAGES_ROLLUP_DELAY < 0 or OUTAGES_ROLLUP_BUSY_DELAY < 0 or OUTAGES_ROLLUP_SWEEP_AFTER <= 0:
    raise ImproperlyConfigured(
        "OUTAGES_ROLLUP_DELAY and OUTAGES_ROLLUP_BUSY_DELAY must be 0 or more and "
        "OUTAGES_ROLLUP_SWEEP_AFTER positive."
    )
# Without a broker there is no beat either: the process serving pages runs the periodic jobs
# of the beat schedule itself (gridportal/core/periodic.py). Off → run `manage.py run_periodic`.
EMBEDDED_SCHEDULER = env.bool("EMBEDDED_SCHEDULER", default=True)

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Gridportal <noreply@gridportal.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # First: refuses every sign-in of a locked-out username and IP address, even with the
    # right password, before the model backend looks at the password.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "staff:home"
LOGOUT_REDIRECT_URL = "core:home"

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Russian")), ("en", _("English"))]
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Moscow")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "gridportal.core.staticfinders.XStaticFinder",
]
# Files people upload (decision 0011): kept outside every URL the web server serves
# (not under STATIC_ROOT or MEDIA_ROOT), given out only by a view that checks permission.
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private")))
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
for _public in (STATIC_ROOT, Path(str(MEDIA_ROOT)), *STATICFILES_DIRS):
    if PRIVATE_MEDIA_ROOT.resolve().is_relative_to(Path(_public).resolve()):
        raise ImproperlyConfigured(
            f"PRIVATE_MEDIA_ROOT ({PRIVATE_MEDIA_ROOT}) must not be inside {_public}, "
            "which the web server serves."
        )
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {
        # Hashed, compressed files (WhiteNoise) that tolerate a third-party package's
        # missing source map (gridportal/core/staticstorage.py).
        "BACKEND": "gridportal.core.staticstorage.ManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Budgets of an uploaded file and of reading a table from it (docs/decisions/0011).
# Technical protections of the server, not company policy: settings, not dated rules.
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=100_000)
IMPORT_MAX_COLUMNS = env.int("IMPORT_MAX_COLUMNS", default=100)
IMPORT_MAX_CELL_CHARS = env.int("IMPORT_MAX_CELL_CHARS", default=32_767)  # Excel's own limit
IMPORT_MAX_SECONDS = env.float("IMPORT_MAX_SECONDS", default=20.0)  # below gunicorn default 30 s
IMPORT_MAX_UNPACKED_BYTES = env.int("IMPORT_MAX_UNPACKED_BYTES", default=100 * 1024 * 1024)
# A staff upload of more rows than this is imported by a Celery task, its status on the page.
IMPORT_BACKGROUND_ROWS = env.int("IMPORT_BACKGROUND_ROWS", default=5_000)
for _name in (
    "UPLOAD_MAX_BYTES",
    "IMPORT_MAX_ROWS",
    "IMPORT_MAX_COLUMNS",
    "IMPORT_MAX_CELL_CHARS",
    "IMPORT_MAX_SECONDS",
    "IMPORT_MAX_UNPACKED_BYTES",
    "IMPORT_BACKGROUND_ROWS",
):
    if globals()[_name] <= 0:
        raise ImproperlyConfigured(f"{_name} must be greater than zero.")

# Map tiles: OSM by default, a self-hosted tile server in production.
MAP_TILE_URL = env.str("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env.str("MAP_TILE_ATTRIBUTION", default="&copy; OpenStreetMap contributors")

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "gridportal.api.pagination.StandardPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["gridportal.api.filters.FilterBackend"],
    # JSON with a size and depth limit and no control characters; forms with the size limit
    # (gridportal/api/parsers.py).
    "DEFAULT_PARSER_CLASSES": [
        "gridportal.api.parsers.JSONParser",
        "gridportal.api.parsers.FormParser",
        "gridportal.api.parsers.MultiPartParser",
    ],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "EXCEPTION_HANDLER": "gridportal.api.errors.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]
    + (["rest_framework.renderers.BrowsableAPIRenderer"] if DEBUG else []),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Gridportal API",
    "DESCRIPTION": "Public and staff API of the Gridportal customer-service platform.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No validator badge: it would load an image from swagger.io (and the CSP forbids it).
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "COMPONENT_SPLIT_REQUEST": True,
    # Error answers, staff-only fields and existing codes (gridportal/api/schema.py).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "gridportal.api.schema.document_api",
    ],
    # Several apps have a field named "status"; name each enum after its choices.
    "ENUM_NAME_OVERRIDES": {
        "CapacityStatusEnum": "gridportal.capacity.choices.CapacityStatus",
        "SnapshotStatusEnum": "gridportal.capacity.choices.SnapshotStatus",
        "IncidentStatusEnum": "gridportal.outages.choices.IncidentStatus",
        "PlannedStatusEnum": "gridportal.outages.choices.PlannedStatus",
        "CrewStatusEnum": "gridportal.outages.choices.CrewStatus",
        "CallbackStatusEnum": "gridportal.outages.choices.CallbackStatus",
        "TariffKindEnum": "gridportal.learn.choices.TariffKind",
        "SavingKindEnum": "gridportal.learn.choices.SavingKind",
        "LessonTopicEnum": "gridportal.learn.choices.Topic",
        "OfficeServiceKindEnum": "gridportal.offices.choices.ServiceKind",
        "AppealStatusEnum": "gridportal.appeals.choices.Status",
        "AppealTopicEnum": "gridportal.appeals.choices.Topic",
    },
}

# Content-Security-Policy (django-csp): scripts, styles, fonts and requests only from our own
# origin, nothing inline (templates load static files; htmx's own indicator style is off,
# base/root.html), images also as data: URIs (Swagger UI's icons) and map tiles from the
# host of MAP_TILE_URL ("{s}." becomes "*.").
_tiles = urlsplit(MAP_TILE_URL.replace("{s}", "*"))
MAP_TILE_ORIGIN = f"{_tiles.scheme}://{_tiles.netloc}" if _tiles.netloc else ""
if "{" in MAP_TILE_ORIGIN or (MAP_TILE_ORIGIN and _tiles.scheme not in ("http", "https")):
    raise ImproperlyConfigured("MAP_TILE_URL must be an http(s) URL or a path on this site.")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *([MAP_TILE_ORIGIN] if MAP_TILE_ORIGIN else [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Features no page uses are switched off for the page and anything it could embed.
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "accelerometer=(), gyroscope=(), magnetometer=()"
)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # Balancer probes and the metrics scraper talk plain HTTP to the app node itself.
    SECURE_REDIRECT_EXEMPT = [r"^health/", r"^metrics$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Logs: JSON lines (LOG_FORMAT=json, the default when DEBUG is off) or text, each with the
# request id that nginx sends as X-Request-ID and the answer echoes (django-guid).
LOG_FORMAT = env.str("LOG_FORMAT", default="text" if DEBUG else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured("LOG_FORMAT must be json or text.")
LOGGING = logging_config(json_logs=LOG_FORMAT == "json", level=env.str("LOG_LEVEL", default="INFO"))
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    "VALIDATE_GUID": True,  # anything but a UUID/32 hex digits (nginx's $request_id) is replaced
    "RETURN_HEADER": True,
    "EXPOSE_HEADER": True,
}

# Metrics (/metrics, Prometheus): a bearer token, or networks allowed without one. Neither
# set → refused. Several processes: set PROMETHEUS_MULTIPROC_DIR (docs/operations.md).
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
METRICS_ALLOWED_NETWORKS = env.list("METRICS_ALLOWED_NETWORKS", default=[])
for _cidr in METRICS_ALLOWED_NETWORKS:
    try:
        ip_network(_cidr, strict=False)
    except ValueError:
        raise ImproperlyConfigured(f"METRICS_ALLOWED_NETWORKS: {_cidr!r} is not a CIDR.") from None
PROMETHEUS_EXPORT_MIGRATIONS = False

# Error reports to Sentry (or a compatible service) only when a DSN is given.
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    sentry_init(
        SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )

# Company identity shown in the header; the demo generator fills the database.
PORTAL_NAME = env.str("PORTAL_NAME", default="Gridportal")
# The hotline shown when neither the database nor the cache can say (core/degraded.py);
# normally the company's own number (Company.hotline_phone) is used.
HOTLINE_PHONE = env.str("HOTLINE_PHONE", default="")

# --- notifications: SMS gateway (owner: gridportal.notifications) ---------------
# A JSON POST {to, text, sender} with "Authorization: Bearer <token>". Unset URL → SMS disabled.
SMS_GATEWAY_URL = env.str("SMS_GATEWAY_URL", default="")
SMS_GATEWAY_TOKEN = env.str("SMS_GATEWAY_TOKEN", default="")
SMS_SENDER = env.str("SMS_SENDER", default="Gridportal")
SMS_GATEWAY_TIMEOUT = env.float("SMS_GATEWAY_TIMEOUT", default=10.0)
if SMS_GATEWAY_URL and not SMS_GATEWAY_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured("SMS_GATEWAY_URL must be an http(s) URL.")
if SMS_GATEWAY_URL and not DEBUG and not SMS_GATEWAY_URL.startswith("https://"):
    raise ImproperlyConfigured("SMS_GATEWAY_URL must use https when DEBUG is off.")
# --- end notifications -----------------------------------------------------------

# --- storm mode (owner: gridportal.outages.storm) ---------------------------------
# Directory the storm snapshot is published to as static files for nginx; unset → not published.
STORM_PUBLISH_DIR = env.str("STORM_PUBLISH_DIR", default="")
# --- end storm mode ----------------------------------------------------------------
