"""Profile 1003: the control panel's 'max_sections' import limit."""

from collective.confrecap.controlpanel.interfaces import IConfrecapSettings
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


def add_max_sections(context=None):
    """Add the new record; the settings a site manager made are kept."""
    registry = getUtility(IRegistry)
    registry.registerInterface(IConfrecapSettings)
