"""Marker interfaces of collective.confrecap."""

from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class ICollectiveConfrecapLayer(IDefaultBrowserLayer):
    """Browser layer: present while the add-on is installed in a site."""
