"""Fixtures of the functional tier (a real WSGI server, real transactions)."""

from ..content import build_coverage
from ..plone_fixtures import keep_layer
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest


_keep_functional_layer = keep_layer("functional")


@pytest.fixture
def coverage(functional_portal):
    """The shared coverage (see :func:`tests.content.build_coverage`), committed."""
    return build_coverage(functional_portal)


@pytest.fixture
def basic(request_factory):
    """Requests as the site owner with basic auth, as a REST client sends them."""
    return request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
