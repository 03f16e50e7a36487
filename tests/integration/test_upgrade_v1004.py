"""Upgrade 1000 -> 1004: Conferences appear in the navigation."""

from collective.confrecap import setuphandlers
from plone import api
from zope.annotation.interfaces import IAnnotations


PROFILE = "collective.confrecap:default"


def _as_installed_at_1000(portal):
    """A site installed before 1004: no Conference in the navigation."""
    displayed = api.portal.get_registry_record("plone.displayed_types")
    api.portal.set_registry_record(
        "plone.displayed_types", tuple(t for t in displayed if t != "Conference")
    )
    IAnnotations(portal).pop(setuphandlers.ADDED_TO_NAVIGATION, None)
    api.portal.get_tool("portal_setup").setLastVersionForProfile(PROFILE, "1000")


def test_upgrade_step_registered(portal):
    setup = api.portal.get_tool("portal_setup")
    _as_installed_at_1000(portal)
    steps = setup.listUpgrades(PROFILE)
    assert (("1003",), ("1004",)) in [(s["source"], s["dest"]) for s in steps]


def test_upgrade_shows_conferences_and_uninstall_removes_them(portal):
    _as_installed_at_1000(portal)
    setup = api.portal.get_tool("portal_setup")
    with api.env.adopt_roles(["Manager"]):
        setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == ("1007",)
    assert "Conference" in api.portal.get_registry_record("plone.displayed_types")
    assert IAnnotations(portal)[setuphandlers.ADDED_TO_NAVIGATION] is True
    # Remembered: deactivating removes what the upgrade added.
    setuphandlers.remove_conference_from_navigation()
    assert "Conference" not in api.portal.get_registry_record("plone.displayed_types")


def test_upgrade_keeps_a_site_that_listed_conferences(portal):
    _as_installed_at_1000(portal)
    displayed = api.portal.get_registry_record("plone.displayed_types")
    api.portal.set_registry_record("plone.displayed_types", displayed + ("Conference",))
    with api.env.adopt_roles(["Manager"]):
        api.portal.get_tool("portal_setup").upgradeProfile(PROFILE)
    assert setuphandlers.ADDED_TO_NAVIGATION not in IAnnotations(portal)
    setuphandlers.remove_conference_from_navigation()
    assert "Conference" in api.portal.get_registry_record("plone.displayed_types")
