"""The Resource List: links collected at a conference, grouped by kind."""

from collective.confrecap.content.base import BaseItem
from plone.supermodel import model
from zope.interface import implementer


class IResourceList(model.Schema):
    """A list of links; its rows come from ``collective.confrecap.resources``."""


@implementer(IResourceList)
class ResourceList(BaseItem):
    """A list of tools, articles, docs and other links worth keeping."""
