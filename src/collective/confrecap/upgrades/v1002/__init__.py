"""1000 -> 1002: conferences keep their order without an order list.

Conferences created before keep plone.folder's order list in an annotation,
the one object every author adding a recap writes to. The step moves each
conference to the ``confrecap-chronological`` ordering (the class now
defaults to it) with its current order kept (positions 0, 1, 2 … before
any item added later, which gets its creation time), and drops the list.
"""

from collective.confrecap.content.conference import IConference
from collective.confrecap.content.ordering import ORDERING
from collective.confrecap.content.ordering import positions
from plone import api
from zope.annotation.interfaces import IAnnotations

import logging


logger = logging.getLogger("collective.confrecap")

ORDER_KEY = "plone.folder.ordered.order"
POS_KEY = "plone.folder.ordered.pos"


def migrate_conference(conference):
    """Move one conference to the chronological ordering; returns its items."""
    annotations = IAnnotations(conference, None)
    old_order = list(annotations.get(ORDER_KEY, ())) if annotations else []
    present = set(conference.objectIds(ordered=False))
    ordered = [obj_id for obj_id in old_order if obj_id in present]
    ordered += sorted(present - set(ordered))
    tree = positions(conference, create=True)
    tree.clear()
    for number, obj_id in enumerate(ordered):
        tree[obj_id] = number
    conference.setOrdering(ORDERING)
    if annotations is not None:
        for key in (ORDER_KEY, POS_KEY):
            if key in annotations:
                del annotations[key]
    for obj_id in ordered:
        item = conference._getOb(obj_id)
        reindex = getattr(item, "reindexObject", None)
        if reindex is not None:
            reindex(idxs=["getObjPositionInParent"])
    return len(ordered)


def chronological_conferences(context):
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        object_provides=IConference.__identifier__
    )
    conferences = items = 0
    for brain in brains:
        items += migrate_conference(brain._unrestrictedGetObject())
        conferences += 1
    logger.info(
        "%d conference(s) now keep their order without an order list (%d items).",
        conferences,
        items,
    )
