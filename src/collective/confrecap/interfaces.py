"""Marker interfaces of collective.confrecap."""

from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class ICollectiveConfrecapLayer(IDefaultBrowserLayer):
    """Browser layer: present while the add-on is installed in a site."""


class IOwnCatalogValues(Interface):
    """Content whose catalog entry holds only its own values.

    Implemented by the classes of our types (not provided through a
    behavior), so that an indexer a behavior brings (plone.app.event's,
    should a site give talks the event behavior) still comes first.
    """
