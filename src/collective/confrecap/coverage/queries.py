"""Catalog queries for coverage, and summaries made from brain metadata.

Nothing here wakes a content object: everything a listing, an index page or
an aggregate endpoint shows comes from catalog metadata (``confrecap_data``
and Plone's own columns). The catalog only returns what the current user
may view, so private recaps never reach a listing.
"""

from collective.confrecap.behaviors.resources import IResources
from collective.confrecap.behaviors.speakers import ISpeakers
from collective.confrecap.content.conference import IConference
from collective.confrecap.coverage.keyed import catalog_index
from collective.confrecap.coverage.keyed import uids_of
from collective.confrecap.coverage.shared import shared
from plone import api


def portal():
    return api.portal.get()


def summarize(brain):
    """A plain dict of what is known about ``brain``, from metadata only."""
    data = brain.confrecap_data
    summary = {
        "uid": brain.UID,
        "url": brain.getURL(),
        "path": brain.getPath(),
        "id": brain.getId,
        "title": brain.Title,
        "description": brain.Description,
        "portal_type": brain.portal_type,
        "review_state": brain.review_state,
        "subjects": list(brain.Subject or ()),
        "conference_uid": brain.confrecap_conference or None,
    }
    if isinstance(data, dict):
        summary.update(data)
    return summary


def _query(context, interface, **query):
    query.setdefault("sort_on", "getObjPositionInParent")
    return api.content.find(
        context=context, object_provides=interface.__identifier__, **query
    )


def recap_brains(context, **query):
    """Brains of the items with speakers below ``context`` (recaps, and any
    other type that has the speakers behavior)."""
    return _query(context, ISpeakers, **query)


def resource_brains(context, **query):
    """Brains of the items with resources below ``context``."""
    return _query(context, IResources, **query)


def conference_brains(context, **query):
    """Brains of the conferences below ``context``, newest first."""
    query.setdefault("sort_on", "start")
    query.setdefault("sort_order", "descending")
    return _query(context, IConference, **query)


def recap_summaries(context, **query):
    return [summarize(brain) for brain in recap_brains(context, **query)]


def resource_summaries(context, **query):
    return [summarize(brain) for brain in resource_brains(context, **query)]


def visible_summaries(docids):
    """Summaries of catalog record ids that were already restricted to what
    the current user may view (the aggregates' ``visible`` sets of
    :mod:`~collective.confrecap.coverage.shared`), in folder order.

    One UID index look-up per item: asking ``searchResults`` again would
    repeat the security and effective-date filtering over the whole site
    (set operations as big as the catalog) for items already known to be
    visible.
    """
    if not docids:
        return []  # an empty UID query would not restrict at all
    catalog = api.portal.get_tool("portal_catalog")
    return [
        summarize(brain)
        for brain in catalog.unrestrictedSearchResults(
            UID=uids_of(docids), sort_on="getObjPositionInParent"
        )
    ]


def visible_conference_brains(uids):
    """Brains of those of the conferences ``uids`` the current user may
    view: checked against the conferences they may view (shared between
    requests, :mod:`~collective.confrecap.coverage.shared`), then one UID
    look-up each, so a page naming five conferences costs five look-ups
    whatever the size of the archive."""
    if not uids:
        return []
    conferences = {"object_provides": IConference.__identifier__}
    visible = shared(IConference.__identifier__, portal(), conferences, lambda v: v)
    rids = catalog_index("UID")._index
    allowed = sorted(uid for uid in uids if rids.get(uid) in visible)
    if not allowed:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(UID=allowed)


def conference_titles(uids):
    """UID → ``{"title", "url"}`` of those conferences the user may view."""
    return {
        brain.UID: {"title": brain.Title, "url": brain.getURL()}
        for brain in visible_conference_brains(uids)
    }
