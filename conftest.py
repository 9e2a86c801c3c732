"""Project-wide fixtures: a cast of personas, a real SMTP server, Redis, a real browser."""

import os
import socket
import threading
import time

import pytest

# Playwright's sync API keeps an event loop in the test thread; Django's ORM
# refuses to run beside one unless told the code is really synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from hypothesis import settings as hypothesis_settings  # noqa: E402

from gridportal.testing.browser import CHROMIUM_ARGS, find_chromium, watch_csp  # noqa: E402

# Property tests check behaviour, not speed: on a loaded CI machine one example may take
# longer than Hypothesis' 200 ms deadline, which would fail a correct property.
hypothesis_settings.register_profile("gridportal", deadline=None)
hypothesis_settings.load_profile("gridportal")

_BROWSER_SKIP_REPORTED = False


def pytest_report_header(config):
    chromium = find_chromium()
    if chromium:
        return f"browser tests: Chromium at {chromium}"
    return "browser tests: SKIPPED — no Chromium found (install Debian's chromium or set CHROMIUM_PATH)"


def pytest_terminal_summary(terminalreporter):
    if find_chromium() is None:
        terminalreporter.write_line(
            "NOTE: browser tests were skipped because no Chromium was found "
            "(apt-get install chromium, or set CHROMIUM_PATH).",
            yellow=True,
        )


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty default cache (rate and sign-in counters, snapshots,
    rules and contacts an earlier test cached from rows its rollback removed).

    The one place that empties it between tests: the rules' generation is set again after the
    clear, so a test that runs longer than the generation's re-check (a second) does not find
    it gone and read the rules table once more in the middle of a counted request.
    """
    from django.core.cache import cache

    from gridportal.core.degraded import contacts_drop
    from gridportal.core.rules import rules_cache_bump

    cache.clear()
    rules_cache_bump()
    contacts_drop()  # the company contacts kept in this process for degraded mode
    yield
    cache.clear()


# --- personas ---------------------------------------------------------------


@pytest.fixture
def company(db):
    from gridportal.testing.factories import CompanyFactory

    return CompanyFactory()


@pytest.fixture
def branch(company):
    from gridportal.testing.factories import BranchFactory

    return BranchFactory(
        company=company,
        code="karelia",
        name="Карельский филиал",
        name_en="Karelia branch",
        region="Республика Карелия",
    )


@pytest.fixture
def other_branch(company):
    from gridportal.testing.factories import BranchFactory

    return BranchFactory(
        company=company,
        code="pskov",
        name="Псковский филиал",
        name_en="Pskov branch",
        region="Псковская область",
        latitude=57.82,
        longitude=28.33,
    )


def _staff(username, role, branches, **extra):
    from gridportal.accounts.services import staff_user_create

    return staff_user_create(
        username=username,
        password="correct-horse-battery",
        roles=[role],
        branches=branches,
        **extra,
    )


@pytest.fixture
def officer(branch):
    """A dispatcher of the first branch."""
    from gridportal.accounts.choices import StaffRole

    return _staff("officer", StaffRole.DISPATCHER, [branch], first_name="Ольга")


@pytest.fixture
def other_officer(other_branch):
    """A dispatcher of another branch."""
    from gridportal.accounts.choices import StaffRole

    return _staff("other-officer", StaffRole.DISPATCHER, [other_branch])


@pytest.fixture
def administrator(branch):
    from gridportal.accounts.choices import StaffRole

    return _staff("admin", StaffRole.ADMINISTRATOR, [], all_branches=True, is_superuser=True)


@pytest.fixture
def customer(db):
    from gridportal.accounts.services import customer_register

    return customer_register(email="ivanova@example.ru", password="correct-horse-battery")


@pytest.fixture
def other_customer(db):
    from gridportal.accounts.services import customer_register

    return customer_register(email="petrov@example.ru", password="correct-horse-battery")


# --- real services -----------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Inbox:
    def __init__(self):
        self.messages = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes, policy

        message = message_from_bytes(envelope.content, policy=policy.default)
        with self._lock:
            self.messages.append(
                {
                    "from": envelope.mail_from,
                    "to": list(envelope.rcpt_tos),
                    "message": message,
                    "subject": str(message["subject"]),
                    "body": message.get_body(("plain",)).get_content(),
                }
            )
        return "250 Message accepted for delivery"

    def wait_for(self, count=1, timeout=10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.05)
        raise AssertionError(f"expected {count} e-mails, got {len(self.messages)}")


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on loopback; Django sends mail to it."""
    from aiosmtpd.controller import Controller

    inbox = _Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def redis_url():
    """A real Redis: REDIS_URL, else the local server; the test is skipped if none answers."""
    import redis

    url = (
        os.environ.get("TEST_REDIS_URL")
        or os.environ.get("REDIS_URL")
        or "redis://127.0.0.1:6379/15"
    )
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=1)
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis answers at {url}")
    client.flushdb()
    yield url
    client.flushdb()


REDIS_CACHE_PREFIX = "test"


@pytest.fixture
def redis_cache(settings, redis_url):
    """The default cache is a real Redis through the production backend (keys «test:…»)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "gridportal.core.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": REDIS_CACHE_PREFIX,
        }
    }
    return redis_url


@pytest.fixture(scope="session")
def browser():
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("no Chromium found: install Debian's chromium or set CHROMIUM_PATH")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="ru-RU")
    context.set_default_timeout(15000)
    page = context.new_page()
    csp_violations = watch_csp(page)
    yield page
    context.close()
    # Every page a browser test opens must work under the Content-Security-Policy.
    assert not csp_violations, "Content-Security-Policy violations:\n" + "\n".join(csp_violations)


@pytest.fixture
def login(page, live_server):
    """Sign a persona in through the real login form."""

    def do_login(user, password="correct-horse-battery"):
        page.goto("/accounts/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", password)
        page.click("form.form button[type=submit]")
        page.wait_for_load_state()

    return do_login
