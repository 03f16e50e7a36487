"""Issue 2: install, uninstall and reinstall in a live site."""

from ..content import create_conference
from collective.confrecap.interfaces import ICollectiveConfrecapLayer
from plone import api
from plone.app.testing import logout
from plone.base.utils import get_installer
from plone.browserlayer.utils import registered_layers
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

import pytest


PACKAGE = "collective.confrecap"
INDEXES = {
    "confrecap_speakers": "KeywordIndex",
    "confrecap_track": "FieldIndex",
    "confrecap_kind": "FieldIndex",
    "confrecap_conference": "FieldIndex",
    "confrecap_session_date": "FieldIndex",
    "confrecap_highlight": "BooleanIndex",
    "confrecap_programme_id": "FieldIndex",
}
COLUMNS = (set(INDEXES) - {"confrecap_programme_id"}) | {"confrecap_data"}
QUERY_FIELDS = ("confrecap_speakers", "confrecap_track", "confrecap_kind")


def query_records():
    registry = getUtility(IRegistry)
    return {
        name
        for name in QUERY_FIELDS
        if f"plone.app.querystring.field.{name}.title" in registry.records
    }


@pytest.fixture
def installer(portal):
    return get_installer(portal, portal.REQUEST)


@pytest.fixture
def coverage(portal):
    with api.env.adopt_roles(["Manager"]):
        conference = create_conference(portal, tracks=["Cloud"])
        published = api.content.create(
            container=conference,
            type="TalkRecap",
            id="published",
            title="Published talk",
            track="Cloud",
            speakers=[{"name": "Pamela Fox", "url": None, "affiliation": None}],
        )
        api.content.transition(obj=published, transition="publish")
        private = api.content.create(
            container=conference, type="TalkRecap", id="private", title="Private"
        )
        links = api.content.create(
            container=conference,
            type="ResourceList",
            id="links",
            title="Links",
            resources=[{"title": "uv", "url": "https://x.org", "kind": "tool"}],
        )
        api.content.transition(obj=links, transition="publish")
    return conference, published, private, links


def assert_installed(portal):
    catalog = api.portal.get_tool("portal_catalog")
    assert ICollectiveConfrecapLayer in registered_layers()
    for name, meta_type in INDEXES.items():
        assert catalog._catalog.getIndex(name).meta_type == meta_type
    assert set(catalog.schema()) >= COLUMNS
    assert query_records() == set(QUERY_FIELDS)
    wftool = api.portal.get_tool("portal_workflow")
    assert "confrecap_review_workflow" in wftool.objectIds()
    for portal_type in ("TalkRecap", "ResourceList"):
        assert wftool.getChainForPortalType(portal_type) == (
            "confrecap_review_workflow",
        )


def assert_uninstalled(portal):
    catalog = api.portal.get_tool("portal_catalog")
    assert ICollectiveConfrecapLayer not in registered_layers()
    assert not set(INDEXES) & set(catalog.indexes())
    assert not COLUMNS & set(catalog.schema())
    assert query_records() == set()
    wftool = api.portal.get_tool("portal_workflow")
    assert "confrecap_review_workflow" not in wftool.objectIds()
    default = tuple(wftool.getDefaultChain())
    for portal_type in ("TalkRecap", "ResourceList"):
        assert wftool.getChainForPortalType(portal_type) == default


def test_installed(portal, installer):
    assert installer.is_product_installed(PACKAGE)
    assert_installed(portal)


def test_add_on_listed_and_uninstall_profile_hidden(portal, installer):
    from plone.base.interfaces import INonInstallable
    from zope.component import getAllUtilitiesRegisteredFor

    hidden = set()
    for utility in getAllUtilitiesRegisteredFor(INonInstallable):
        hidden.update(utility.getNonInstallableProfiles())
    assert f"{PACKAGE}:uninstall" in hidden
    assert f"{PACKAGE}:default" not in hidden
    assert installer.get_install_profile(PACKAGE)["id"] == f"{PACKAGE}:default"
    assert installer.get_uninstall_profile(PACKAGE)["id"] == f"{PACKAGE}:uninstall"


def test_uninstall(portal, installer, coverage):
    conference, published, private, links = coverage
    with api.env.adopt_roles(["Manager"]):
        installer.uninstall_product(PACKAGE)
    assert not installer.is_product_installed(PACKAGE)
    assert_uninstalled(portal)
    # Content stays readable and keeps its review state.
    assert api.content.get_state(published) == "published"
    assert api.content.get_state(private) == "private"
    assert api.content.get_state(links) == "published"
    assert published.speakers[0]["name"] == "Pamela Fox"
    assert links.resources[0]["url"] == "https://x.org"
    logout()
    paths = {
        brain.getPath()
        for brain in api.content.find(portal_type=["TalkRecap", "ResourceList"])
    }
    assert paths == {"/plone/pwc/published", "/plone/pwc/links"}


def test_reinstall(portal, installer, coverage):
    conference, published, private, links = coverage
    with api.env.adopt_roles(["Manager"]):
        installer.uninstall_product(PACKAGE)
        installer.install_product(PACKAGE)
    assert installer.is_product_installed(PACKAGE)
    assert_installed(portal)
    assert api.content.get_state(published) == "published"
    assert api.content.get_state(private) == "private"
    assert api.content.get_state(links) == "published"
    # The catalog is usable again for the add-on's indexes.
    with api.env.adopt_roles(["Manager"]):
        for obj in (published, private, links):
            obj.reindexObject()
    brains = api.content.find(confrecap_speakers="Pamela Fox")
    assert [brain.getObject() for brain in brains] == [published]
    # And the review workflow works as before.
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=private, transition="submit")
    assert api.content.get_state(private) == "pending"
