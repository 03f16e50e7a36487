"""The order of a Conference's items: by creation time, without an order list.

plone.folder's default ordering keeps every id in one ``PersistentList``
that each new item appends to: several authors adding recaps to the same
conference at the same time all write that one object, and all but one get
a ConflictError (the retries run out under live coverage by a team).

Here each item's position is its creation time in microseconds, kept in an
``OLBTree`` (id -> position) created with the conference. Adding an item
inserts one key into that BTree, which ZODB resolves when two transactions
insert different keys; the conference object itself is not written. The
order is the one authors know (the order recaps were written or imported
in), it survives a rename (the creation time is the item's own), and
``getObjPositionInParent`` sorting (plone.folder's GopipIndex) keeps
working. Items cannot be moved by hand: our views order recaps by track,
day and highlight anyway.
"""

from Acquisition import aq_base
from BTrees.OLBTree import OLBTree
from plone.folder.interfaces import IOrderableFolder
from plone.folder.interfaces import IOrdering
from zope.component import adapter
from zope.interface import implementer

import time


ORDERING = "confrecap-chronological"
POSITIONS = "_confrecap_positions"


def creation_position(obj):
    """Microseconds since the epoch of ``obj``'s creation (now if unknown)."""
    created = getattr(aq_base(obj), "creation_date", None) if obj is not None else None
    if created is not None:
        try:
            return int(created.micros())
        except (AttributeError, TypeError, ValueError):
            pass
    return time.time_ns() // 1000


def positions(folder, create=False):
    """The id -> position BTree of ``folder`` (created when asked)."""
    tree = getattr(aq_base(folder), POSITIONS, None)
    if tree is None and create:
        tree = OLBTree()
        setattr(folder, POSITIONS, tree)
    return tree


@implementer(IOrdering)
@adapter(IOrderableFolder)
class ChronologicalOrdering:
    """Items in creation order; no explicit moves."""

    def __init__(self, context):
        self.context = context

    def notifyAdded(self, obj_id):
        obj = self.context._getOb(obj_id, None)
        positions(self.context, create=True)[obj_id] = creation_position(obj)

    def notifyRemoved(self, obj_id):
        tree = positions(self.context)
        if tree is not None and obj_id in tree:
            del tree[obj_id]

    def getObjectPosition(self, obj_id):
        """The item's sort key (creation microseconds), not a 0-based index:
        it orders the items of this folder, which is all a position is used
        for once items cannot be moved by hand."""
        tree = positions(self.context)
        if tree is None:
            return 0
        return tree.get(obj_id, 0)

    def idsInOrder(self):
        ids = aq_base(self.context).objectIds(ordered=False)
        tree = positions(self.context)
        if tree is None:
            return list(ids)
        return sorted(ids, key=lambda obj_id: (tree.get(obj_id, 0), obj_id))
