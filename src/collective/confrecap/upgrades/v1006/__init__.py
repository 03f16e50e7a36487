"""1006: the speakers and resources indexes are served from catalog indexes.

Adds the KeywordIndexes ``confrecap_speaker_keys`` (collation key of each
speaker), ``confrecap_speaker_words`` (folded words of the names, for
``q=``) and ``confrecap_resource_keys`` (title collation key, URL, kind),
then fills just those three indexes for just the items that have speakers
or resources (no metadata or other index is rewritten).
"""

from collective.confrecap.behaviors.resources import IResources
from collective.confrecap.behaviors.speakers import ISpeakers
from plone import api

import logging
import transaction


logger = logging.getLogger("collective.confrecap.upgrades.v1006")

NEW_INDEXES = {
    "confrecap_speaker_keys": ISpeakers,
    "confrecap_speaker_words": ISpeakers,
    "confrecap_resource_keys": IResources,
}


def add_aggregate_indexes(context=None):
    catalog = api.portal.get_tool("portal_catalog")
    added = [name for name in NEW_INDEXES if name not in catalog.indexes()]
    for name in added:
        # A KeywordIndex indexes the attribute of its own name: our indexer.
        catalog.addIndex(name, "KeywordIndex")
    if not added:
        return
    interfaces = {NEW_INDEXES[name].__identifier__ for name in added}
    brains = catalog.unrestrictedSearchResults(object_provides=sorted(interfaces))
    for number, brain in enumerate(brains, start=1):
        obj = brain._unrestrictedGetObject()
        catalog.catalog_object(obj, brain.getPath(), idxs=added, update_metadata=False)
        if number % 1000 == 0:
            transaction.savepoint(optimistic=True)
            logger.info("Indexed %s items", number)
    logger.info("Added %s and indexed %s items", ", ".join(added), len(brains))
