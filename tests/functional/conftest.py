"""Fixtures of the functional tier (a real WSGI server, real transactions)."""

from ..content import build_coverage
from ..plone_fixtures import keep_layer
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest
import transaction


_keep_functional_layer = keep_layer("functional")


@pytest.fixture
def import_site(functional_portal):
    """The site with an empty Folder ``coverage`` (committed) to import into.

    The test itself runs as Manager, as the console commands do; requests
    over HTTP carry their own credentials.
    """
    with api.env.adopt_roles(["Manager"]):
        api.content.create(
            container=functional_portal, type="Folder", id="coverage", title="Cov"
        )
        transaction.commit()
        yield functional_portal


@pytest.fixture
def coverage(functional_portal):
    """The shared coverage (see :func:`tests.content.build_coverage`), committed."""
    return build_coverage(functional_portal)


@pytest.fixture
def basic(request_factory):
    """Requests as the site owner with basic auth, as a REST client sends them."""
    return request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
