"""Fixtures shared by the integration tests."""

from ..content import create_conference
from ..plone_fixtures import keep_layer
from plone import api

import pytest


_keep_integration_layer = keep_layer("integration")


@pytest.fixture
def manager(portal):
    """The portal, with the test user acting as Manager."""
    with api.env.adopt_roles(["Manager"]):
        yield portal


@pytest.fixture
def conference(manager):
    """A three-day conference with the five tracks of the seed post."""
    return create_conference(manager)
