"""pytest fixtures: the add-on's plone.app.testing layers, via pytest-plone."""

from collective.confrecap.testing import FUNCTIONAL_TESTING
from collective.confrecap.testing import INTEGRATION_TESTING
from pytest_plone import fixtures_factory


pytest_plugins = ["pytest_plone"]

globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)
