"""The add-on's plone.app.testing layers as pytest fixtures (pytest-plone).

A pytest plugin, loaded by ``tests/conftest.py`` only where Plone is
installed: the unit tier (``tests/unit``) runs without it. Each Plone tier's
``conftest.py`` keeps its layer set up for the whole session
(``keep_layer``), so no layer is set up for the unit tests.
"""

from collective.confrecap.testing import FUNCTIONAL_TESTING
from collective.confrecap.testing import INTEGRATION_TESTING
from pytest_plone import fixtures_factory

import os
import pytest


# As the instance's zope.conf does: compile locales/*.po when ZCML loads,
# so tests see the translations a site shows.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")

globals().update(
    fixtures_factory(
        (
            (FUNCTIONAL_TESTING, "functional"),
            (INTEGRATION_TESTING, "integration"),
        ),
        keep_session=False,
    )
)


def keep_layer(prefix):
    """An autouse session fixture, for a tier's conftest, that keeps the
    ``prefix`` layer (``integration`` or ``functional``) set up for the whole
    session instead of around every test."""

    @pytest.fixture(autouse=True, scope="session")
    def _keep_layer(request):
        request.getfixturevalue(f"{prefix}_session")

    return _keep_layer
