"""Root of the test tiers.

``tests/unit`` needs only the pure package's dependencies (``make
test-pure`` runs it in such a venv); the Plone tiers (integration,
functional, browser) get their layers from the :mod:`tests.plone_fixtures`
plugin, loaded here only when Plone is installed.
"""

import importlib.util


def _plone_installed():
    try:
        return importlib.util.find_spec("plone.app.testing") is not None
    except ModuleNotFoundError:
        return False


pytest_plugins = (
    ["tests.plone_fixtures", "tests.browser_fixtures"] if _plone_installed() else []
)
