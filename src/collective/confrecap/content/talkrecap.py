"""The Talk Recap: one talk or activity an author attended."""

from collective.confrecap.content.base import BaseItem
from plone.supermodel import model
from zope.interface import implementer


class ITalkRecap(model.Schema):
    """A recap of a talk or activity.

    Its fields live in the reusable behaviors ``collective.confrecap.talk``,
    ``.speakers``, ``.takeaways`` and ``.resources``.
    """


@implementer(ITalkRecap)
class TalkRecap(BaseItem):
    """A recap of one talk, keynote, workshop, panel or social activity."""
