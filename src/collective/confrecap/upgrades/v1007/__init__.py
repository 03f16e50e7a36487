"""1007: talk recaps and resource lists are cataloged with their own values.

Before, a recap or resource list without a ``start``, ``end``,
``location``, ``whole_day``, ``open_end`` or ``sync_uid`` of its own had
its conference's in its catalog entry, through acquisition
(:mod:`collective.confrecap.indexers.own_values`). This reindexes those
indexes and the metadata of the items that are not events themselves.
plone.app.event's date indexes keep an entry when the value is missing, so
those entries are removed first.
"""

from collective.confrecap.coverage.keyed import catalog_index
from plone import api
from plone.event.interfaces import IEvent

import logging
import transaction


logger = logging.getLogger("collective.confrecap.upgrades.v1007")

INDEXES = ("start", "end", "sync_uid")
DATE_INDEXES = ("start", "end")  # plone.app.event's DateRecurringIndex


def catalog_own_values(context=None):
    catalog = api.portal.get_tool("portal_catalog")
    indexes = [name for name in INDEXES if name in catalog.indexes()]
    dates = [catalog_index(name) for name in DATE_INDEXES if name in indexes]
    brains = catalog.unrestrictedSearchResults(
        portal_type=["TalkRecap", "ResourceList"]
    )
    done = 0
    for brain in brains:
        obj = brain._unrestrictedGetObject()
        if IEvent.providedBy(obj):  # a site gave them the event behavior
            continue
        for index in dates:
            index.unindex_object(brain.getRID())
        catalog.catalog_object(obj, brain.getPath(), idxs=indexes)
        done += 1
        if done % 1000 == 0:
            transaction.savepoint(optimistic=True)
            logger.info("Reindexed %s items", done)
    logger.info("Reindexed the own values of %s recaps and resource lists", done)
