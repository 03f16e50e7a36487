"""Install and uninstall steps GenericSetup XML cannot express."""

from DateTime import DateTime
from plone import api
from plone.base.interfaces import INonInstallable
from zope.interface import implementer


WORKFLOW_ID = "confrecap_review_workflow"
REVIEWED_TYPES = ("TalkRecap", "ResourceList")


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


def post_install(context):
    """Existing recaps (on a reinstall) keep their review state."""
    keep_review_states()


def uninstall(context):
    """Unbind and remove our workflow; content stays readable in its state."""
    wftool = api.portal.get_tool("portal_workflow")
    for portal_type in REVIEWED_TYPES:
        if WORKFLOW_ID in (wftool.getChainForPortalType(portal_type) or ()):
            wftool.setChainForPortalTypes((portal_type,), "(Default)")
    if WORKFLOW_ID in wftool.objectIds():
        wftool.manage_delObjects([WORKFLOW_ID])
    keep_review_states()
