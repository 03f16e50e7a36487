"""The Resource List: links collected at a conference, grouped by kind."""

from plone.dexterity.content import Item
from plone.supermodel import model
from zope.interface import implementer


class IResourceList(model.Schema):
    """A list of links; its rows come from ``collective.confrecap.resources``."""


@implementer(IResourceList)
class ResourceList(Item):
    """A list of tools, articles, docs and other links worth keeping."""
