"""Real Chromium for browser tests (Debian's package), driven by Playwright.

Tests that use the `page` fixture are skipped with a clear reason when no
Chromium is installed; CI installs it, so there they always run.
"""

import os
import shutil

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def find_chromium() -> str | None:
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return explicit if os.path.exists(explicit) else None
    for name in CHROMIUM_CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def assert_accessible(page, *, context=None) -> None:
    """Run axe-core on the page; fail with the readable report on any violation."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context)
    assert results.violations_count == 0, results.generate_report()


# Chromium logs a refused resource as "Refused to … because it violates the following
# Content Security Policy directive"; the event also catches what is refused silently.
_CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (e) => {
  console.error("CSP violation: " + e.violatedDirective + " refused " + (e.blockedURI || "inline")
    + " in " + (e.sourceFile || document.location.pathname) + ":" + e.lineNumber);
});
"""


def watch_csp(page) -> list[str]:
    """Record every Content-Security-Policy violation on the page from now on: a list to assert on."""
    found = []
    page.add_init_script(_CSP_LISTENER)

    def on_console(message):
        text = message.text
        if "Content Security Policy" in text or text.startswith("CSP violation"):
            found.append(f"{page.url}: {text}")

    page.on("console", on_console)
    return found


def sign_in(page, user, password: str = "correct-horse-battery") -> None:
    """Sign a test user in through the sign-in form, as a person would."""
    page.goto("/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
