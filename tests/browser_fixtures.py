"""Browser fixtures (Playwright for Python driving Debian's Chromium), shared
by tests/browser and tests/security: one Chromium for the whole session.

A pytest plugin rather than a conftest, so that every tier that needs a
browser gets the same session fixture (a second ``sync_playwright`` in the
same process fails). Chromium is the system one at /usr/bin/chromium
(``CONFRECAP_CHROMIUM`` to override): nothing is ever downloaded.
"""

from pathlib import Path

import os
import pytest


CHROMIUM = os.environ.get("CONFRECAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPO_ROOT = Path(__file__).resolve().parents[1]
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def new_page(chromium, request):
    """Factory of pages, each in its own browser context (own cookies, own user).

    When the test fails, every page still open is saved (screenshot and HTML)
    to test-results/<test name>/ for diagnosis.
    """
    contexts = []

    def factory(width=1280, height=900):
        context = chromium.new_context(viewport={"width": width, "height": height})
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context.new_page()

    yield factory
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        out = REPO_ROOT / "test-results" / request.node.name
        out.mkdir(parents=True, exist_ok=True)
        for c_index, context in enumerate(contexts):
            for p_index, page in enumerate(context.pages):
                stem = out / f"page-{c_index}-{p_index}"
                try:
                    page.screenshot(path=f"{stem}.png", full_page=True)
                    stem.with_suffix(".html").write_text(
                        f"<!-- {page.url} -->\n" + page.content()
                    )
                except Exception:  # noqa: S110 - best effort diagnostics
                    pass
    for context in contexts:
        context.close()


@pytest.fixture
def portal_url(functional):
    """The URL of the test site as the browser sees it."""
    return f"http://{functional['host']}:{functional['port']}/plone"


@pytest.fixture
def axe_js():
    """Path of axe-core's browser bundle (``npm ci`` at the repository root)."""
    if not AXE_JS.exists():
        pytest.fail(
            f"{AXE_JS} is missing: run `npm ci` at the repository root "
            "(axe-core is pinned in package.json / package-lock.json)"
        )
    return AXE_JS


def login(page, portal_url, username, password):
    """Log in through Plone's login form, as a person would."""
    page.goto(f"{portal_url}/login")
    page.fill("#__ac_name", username)
    page.fill("#__ac_password", password)
    with page.expect_navigation():
        page.click("#buttons-login")
    messages = page.locator(".portalMessage").all_inner_texts()
    assert page.locator("#__ac_password").count() == 0, (
        f"login as {username} failed: {messages}"
    )
