"""Upgrade 1006 -> 1007: recaps lose the conference values their catalog
entries had acquired."""

from Acquisition import aq_base
from collective.confrecap.upgrades.v1007 import catalog_own_values
from plone import api


PROFILE = "collective.confrecap:default"


def _cataloged_as_before_1007(talk, conference):
    """The entry a talk had before 1007: its conference's place and dates."""
    talk.location = conference.location
    talk.start, talk.end = conference.start, conference.end
    talk.reindexObject()
    api.portal.get_tool("portal_catalog").unrestrictedSearchResults(UID=talk.UID())
    for name in ("location", "start", "end"):
        delattr(aq_base(talk), name)


def _brain(obj):
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(UID=obj.UID())
    return brain


def test_the_step_reindexes_recaps_without_their_conferences_values(conference):
    conference.location = "Berlin"
    conference.reindexObject()
    talk = api.content.create(container=conference, type="TalkRecap", title="Talk")
    _cataloged_as_before_1007(talk, conference)
    assert _brain(talk).location == "Berlin"
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(conference.getPhysicalPath())
    assert (
        len(
            catalog.unrestrictedSearchResults(
                path=path, start={"query": conference.start, "range": "min"}
            )
        )
        == 2
    )

    catalog_own_values()

    assert not _brain(talk).location
    assert not _brain(talk).start
    found = catalog.unrestrictedSearchResults(
        path=path, start={"query": conference.start, "range": "min"}
    )
    assert [brain.portal_type for brain in found] == ["Conference"]
    assert _brain(conference).location == "Berlin"


def test_a_site_at_1006_upgrades_to_1007(portal):
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1006")
    steps = setup.listUpgrades(PROFILE)
    assert [(s["source"], s["dest"]) for s in steps] == [(("1006",), ("1007",))]
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == ("1007",)
