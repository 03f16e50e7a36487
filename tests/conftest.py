"""pytest fixtures: the add-on's plone.app.testing layers, via pytest-plone."""

from collective.confrecap.testing import FUNCTIONAL_TESTING
from collective.confrecap.testing import INTEGRATION_TESTING
from pytest_plone import fixtures_factory

import os


# As the instance's zope.conf does: compile locales/*.po when ZCML loads,
# so tests see the translations a site shows.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")


pytest_plugins = ["pytest_plone"]

globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        )
    )
)
