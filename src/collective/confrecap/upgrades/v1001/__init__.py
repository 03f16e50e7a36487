"""1000 -> 1001: programme fields on talks (abstract, room, session start and
end, programme id), the ``confrecap_programme_id`` index, richer metadata."""

from plone import api

import logging


logger = logging.getLogger("collective.confrecap")
PROFILE = "profile-collective.confrecap.upgrades.v1001:v1001"


def upgrade(context):
    """Add the index and the "Import conference programme" and "Coverage"
    actions, then re-catalog the talks so their metadata carries the
    new fields (room, times, abstract, whether the recap is written)."""
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(PROFILE, "catalog", run_dependencies=False)
    setup.runImportStepFromProfile(PROFILE, "actions", run_dependencies=False)
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for brain in catalog.unrestrictedSearchResults(
        object_provides="collective.confrecap.behaviors.talk.ITalk"
    ):
        obj = brain._unrestrictedGetObject()
        catalog.catalog_object(
            obj,
            brain.getPath(),
            idxs=["confrecap_programme_id"],
            update_metadata=1,
        )
        count += 1
    logger.info("confrecap 1001: %s talk(s) re-catalogued", count)
