"""Upgrade 1000 -> 1001 on content made the old way (no programme index)."""

from ..content import create_conference
from plone import api

import pytest


PROFILE = "collective.confrecap:default"
LATEST = "1007"


@pytest.fixture
def old_site(manager):
    """A site at profile 1000: the index is gone, a recap's metadata is old."""
    conference = create_conference(manager)
    recap = api.content.create(
        container=conference, type="TalkRecap", id="r", title="A recap"
    )
    catalog = api.portal.get_tool("portal_catalog")
    catalog.manage_delIndex(["confrecap_programme_id"])
    buttons = api.portal.get_tool("portal_actions").object_buttons
    buttons.manage_delObjects(["confrecap_programme_import"])
    # Metadata as 1000 wrote it: confrecap_data without the new keys.
    data = {"talk_kind": "talk", "track": None, "highlight": False}
    (brain,) = catalog.unrestrictedSearchResults(UID=recap.UID())  # flushes
    rid = brain.getRID()
    record = list(catalog._catalog.data[rid])
    record[catalog._catalog.schema["confrecap_data"]] = data
    catalog._catalog.data[rid] = tuple(record)
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1000")
    recap.programme_id = "old-1"  # set by a script before the index existed
    return recap


def test_upgrade_adds_the_index_and_refreshes_metadata(old_site):
    setup = api.portal.get_tool("portal_setup")
    steps = setup.listUpgrades(PROFILE)
    assert ("1000", "1001") in [(s["ssource"], s["sdest"]) for s in steps]
    setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == (LATEST,)
    catalog = api.portal.get_tool("portal_catalog")
    assert catalog._catalog.indexes["confrecap_programme_id"].meta_type == (
        "FieldIndex"
    )
    (brain,) = catalog(confrecap_programme_id="old-1")
    assert brain.getObject() == old_site
    assert brain.confrecap_data["programme_id"] == "old-1"
    assert brain.confrecap_data["has_text"] is False
    assert "room" in brain.confrecap_data
    buttons = api.portal.get_tool("portal_actions").object_buttons
    assert "confrecap_programme_import" in buttons.objectIds()
    assert "confrecap_coverage" in buttons.objectIds()
