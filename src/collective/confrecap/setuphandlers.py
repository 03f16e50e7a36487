"""Install and uninstall steps GenericSetup XML cannot express."""

from Acquisition import aq_base
from DateTime import DateTime
from plone import api
from plone.base.interfaces import INonInstallable
from zope.annotation.interfaces import IAnnotations
from zope.interface import implementer

import logging


logger = logging.getLogger("collective.confrecap")

WORKFLOW_ID = "confrecap_review_workflow"
REVIEWED_TYPES = ("TalkRecap", "ResourceList")

# Our catalog indexes (profiles/default/catalog.xml) all start with this.
INDEX_PREFIX = "confrecap_"

# What carries values for those indexes: our types and any type using our
# behaviors (the indexers are registered for exactly these).
COVERAGE_INTERFACES = (
    "collective.confrecap.content.conference.IConference",
    "collective.confrecap.content.talkrecap.ITalkRecap",
    "collective.confrecap.content.resourcelist.IResourceList",
    "collective.confrecap.behaviors.talk.ITalk",
    "collective.confrecap.behaviors.speakers.ISpeakers",
    "collective.confrecap.behaviors.takeaways.ITakeaways",
    "collective.confrecap.behaviors.resources.IResources",
)

# Our display views. Deactivating the add-on switches our types' FTIs to
# core views (profiles/uninstall/types/) and removes a ``layout`` that
# points to one of these from single items, so they show their type's
# default view again.
OUR_VIEWS = (
    "conference-view",
    "conference-by-day",
    "recap-article",
    "talkrecap-view",
    "resourcelist-view",
    "talkrecap-listing",
    "conference-listing",
)
# Types whose Display menu offers our views (only these can carry a
# ``layout`` pointing to one: recaps and resource lists have one view).
TYPES_WITH_OUR_LAYOUTS = ("Folder", "Collection", "Conference")

DISPLAYED_TYPES = "plone.displayed_types"
NAVIGATION_TYPE = "Conference"
# Remembers on the site whether installing added Conference to the
# navigation, so that uninstalling removes it only in that case.
ADDED_TO_NAVIGATION = "collective.confrecap.added_to_displayed_types"


@implementer(INonInstallable)
class HiddenProfiles:
    def getNonInstallableProfiles(self):
        """Hide the uninstall profile from Site Setup → Add-ons."""
        return [
            "collective.confrecap:uninstall",
            "collective.confrecap.upgrades.v1001:v1001",
        ]

    def getNonInstallableProducts(self):
        return []


def _latest_state(obj):
    """The review state ``obj`` had last, under whichever workflow."""
    latest = None
    for entries in (getattr(obj, "workflow_history", None) or {}).values():
        for entry in entries:
            if latest is None or entry.get("time") >= latest.get("time"):
                latest = entry
    return latest and latest.get("review_state")


def keep_review_states(portal_types=REVIEWED_TYPES):
    """Give existing items the same state under their (new) workflow.

    Installing binds Talk Recaps and Resource Lists to our workflow;
    uninstalling gives them back to the site's default one. Either way a
    published recap stays published and a private one private, as long as
    the new workflow has a state of that name.
    """
    wftool = api.portal.get_tool("portal_workflow")
    for brain in api.content.find(portal_type=list(portal_types), unrestricted=True):
        obj = brain._unrestrictedGetObject()
        state = _latest_state(obj)
        for workflow in wftool.getWorkflowsFor(obj):
            if state is None or state not in workflow.states:
                continue
            current = wftool.getStatusOf(workflow.getId(), obj) or {}
            if current.get("review_state") != state:
                wftool.setStatusOf(
                    workflow.getId(),
                    obj,
                    {
                        "action": None,
                        "actor": api.user.get_current().getId(),
                        "comments": "Review state kept across a workflow change.",
                        "review_state": state,
                        "time": DateTime(),
                    },
                )
            workflow.updateRoleMappingsFor(obj)
        obj.reindexObject(idxs=["review_state", "allowedRolesAndUsers"])


def add_conference_to_navigation():
    """Show Conferences in the navigation (Plone lists only displayed types).

    Whether this added it is remembered on the site, so that uninstalling
    leaves a site that already listed Conferences as it was.
    """
    displayed = tuple(api.portal.get_registry_record(DISPLAYED_TYPES) or ())
    if NAVIGATION_TYPE in displayed:
        return False
    api.portal.set_registry_record(DISPLAYED_TYPES, displayed + (NAVIGATION_TYPE,))
    IAnnotations(api.portal.get())[ADDED_TO_NAVIGATION] = True
    return True


def remove_conference_from_navigation():
    """Undo ``add_conference_to_navigation``, and only what it did."""
    annotations = IAnnotations(api.portal.get())
    if not annotations.pop(ADDED_TO_NAVIGATION, False):
        return False
    displayed = tuple(api.portal.get_registry_record(DISPLAYED_TYPES) or ())
    api.portal.set_registry_record(
        DISPLAYED_TYPES, tuple(name for name in displayed if name != NAVIGATION_TYPE)
    )
    return True


def reindex_coverage():
    """Fill our indexes and metadata for the content that has values.

    Adding an index or a column (a first install, or reactivating after a
    deactivation removed them) leaves it empty. Rather than re-cataloguing
    the whole site, this asks the catalog for the objects our indexers
    apply to (our types, anything with one of our behaviors) and updates
    only our indexes and their metadata row.
    Returns how many objects were updated.
    """
    catalog = api.portal.get_tool("portal_catalog")
    paths = {
        brain.getPath(): brain
        for brain in catalog.unrestrictedSearchResults(
            object_provides=list(COVERAGE_INTERFACES)
        )
    }
    indexes = [name for name in catalog.indexes() if name.startswith(INDEX_PREFIX)]
    count = 0
    for path, brain in sorted(paths.items()):
        obj = brain._unrestrictedGetObject()
        catalog.catalog_object(obj, path, idxs=indexes, update_metadata=1)
        count += 1
    logger.info("Indexed %d coverage items (%s)", count, ", ".join(indexes))
    return count


def reset_layouts():
    """Folders, Collections and Conferences shown with our views: their
    type's default view again.

    Found through the catalog (only the types whose Display menu offers our
    views), so the site is not walked.
    """
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for brain in catalog.unrestrictedSearchResults(
        portal_type=list(TYPES_WITH_OUR_LAYOUTS)
    ):
        obj = brain._unrestrictedGetObject()
        if getattr(aq_base(obj), "layout", None) not in OUR_VIEWS:
            continue
        if obj.hasProperty("layout"):
            obj.manage_delProperties(["layout"])
        else:
            del obj.layout
        count += 1
    return count


def post_install(context):
    """Fill our indexes, show Conferences in the navigation, keep states."""
    reindex_coverage()
    add_conference_to_navigation()
    keep_review_states()


def uninstall(context):
    """Content stays readable: core views, its review state, no Conference
    in the navigation unless the site had it before."""
    reset_layouts()
    remove_conference_from_navigation()
    wftool = api.portal.get_tool("portal_workflow")
    for portal_type in REVIEWED_TYPES:
        if WORKFLOW_ID in (wftool.getChainForPortalType(portal_type) or ()):
            wftool.setChainForPortalTypes((portal_type,), "(Default)")
    if WORKFLOW_ID in wftool.objectIds():
        wftool.manage_delObjects([WORKFLOW_ID])
    keep_review_states()
