"""Upgrade 1002 → 1003 (run from 1000): the section limit joins the control panel."""

from collective.confrecap.controlpanel import settings
from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


PREFIX = "collective.confrecap.controlpanel.interfaces.IConfrecapSettings"
PROFILE = "collective.confrecap:default"


def test_upgrade_adds_max_sections_and_keeps_settings(portal):
    registry = getUtility(IRegistry)
    # A site installed at 1000 had no such record, and its own page size.
    del registry.records[f"{PREFIX}.max_sections"]
    api.portal.set_registry_record(f"{PREFIX}.recaps_per_page", 20)
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "1000")
    steps = setup.listUpgrades(PROFILE)
    assert ("1002", "1003") in [(s["ssource"], s["sdest"]) for s in steps]
    setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == ("1007",)
    assert api.portal.get_registry_record(f"{PREFIX}.max_sections") == 2000
    assert api.portal.get_registry_record(f"{PREFIX}.recaps_per_page") == 20
    assert settings.max_sections() == 2000
