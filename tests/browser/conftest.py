"""Playwright (Python) fixtures for browser tests against the live WSGI server.

The server is the one of ``FUNCTIONAL_TESTING`` (plone.testing's
``WSGI_SERVER_FIXTURE``): every test gets its own stacked DemoStorage, and
content created with plone.api becomes visible to the browser after
``transaction.commit()``.

Chromium is the Debian one at /usr/bin/chromium (``CONFRECAP_CHROMIUM`` to
override): nothing is ever downloaded. Without it the browser tests are
skipped; everything else (axe-core missing, a view missing) is a failure.
"""

from ..plone_fixtures import keep_layer
from pathlib import Path

import os
import pytest


_keep_functional_layer = keep_layer("functional")

CHROMIUM = os.environ.get("CONFRECAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    """Everything under tests/browser is a browser test; skip without Chromium."""
    skip = pytest.mark.skip(
        reason=f"Chromium not found at {CHROMIUM}: the browser tests need a system "
        "Chromium (Debian: apt-get install chromium); no browser is downloaded"
    )
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)
            if not os.access(CHROMIUM, os.X_OK):
                item.add_marker(skip)


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
