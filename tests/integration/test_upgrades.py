"""The upgrade steps form one chain from the first release to the profile
version, so a site installed at any released version upgrades in one go."""

from plone import api


PROFILE = "collective.confrecap:default"
CHAIN = [
    ("1000", "1001"),  # programme fields and index
    ("1001", "1002"),  # conferences keep their items conflict-free
    ("1002", "1003"),  # the import's section limit
    ("1003", "1004"),  # Conference in the navigation
    ("1004", "1006"),  # speakers and resources key indexes
    ("1006", "1007"),  # recaps cataloged with their own values
]


def test_the_steps_chain_from_1000_to_the_profile_version(portal):
    setup = api.portal.get_tool("portal_setup")
    assert setup.getVersionForProfile(PROFILE) == CHAIN[-1][1]
    setup.setLastVersionForProfile(PROFILE, "1000")
    steps = setup.listUpgrades(PROFILE)
    assert [(step["ssource"], step["sdest"]) for step in steps] == CHAIN


def test_a_site_at_1000_upgrades_to_the_profile_version(portal):
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1000")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == (CHAIN[-1][1],)
    assert setup.listUpgrades(PROFILE) == []
