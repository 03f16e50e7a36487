"""Playwright (Python) fixtures for browser tests against the live WSGI server.

The server is the one of ``FUNCTIONAL_TESTING`` (plone.testing's
``WSGI_SERVER_FIXTURE``): every test gets its own stacked DemoStorage, and
content created with plone.api becomes visible to the browser after
``transaction.commit()``.

Chromium is the Debian one at /usr/bin/chromium (``CONFRECAP_CHROMIUM`` to
override): nothing is ever downloaded. Without it the browser tests are
skipped; everything else (axe-core missing, a view missing) is a failure.
"""

from ..browser_fixtures import CHROMIUM
from ..browser_fixtures import login  # noqa: F401 - the tests import it from here
from ..plone_fixtures import keep_layer
from pathlib import Path

import os
import pytest


_keep_functional_layer = keep_layer("functional")

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
