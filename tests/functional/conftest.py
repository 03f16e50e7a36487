"""Fixtures of the functional tier (a real WSGI server, real transactions)."""

from ..content import build_coverage
from ..plone_fixtures import keep_layer

import pytest


_keep_functional_layer = keep_layer("functional")


@pytest.fixture
def coverage(functional_portal):
    """The shared coverage (see :func:`tests.content.build_coverage`), committed."""
    return build_coverage(functional_portal)
