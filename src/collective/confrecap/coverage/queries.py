"""Catalog queries for coverage, and summaries made from brain metadata.

Nothing here wakes a content object: everything a listing, an index page or
an aggregate endpoint shows comes from catalog metadata (``confrecap_data``
and Plone's own columns). The catalog only returns what the current user
may view, so private recaps never reach a listing.
"""

from collective.confrecap.behaviors.resources import IResources
from collective.confrecap.behaviors.speakers import ISpeakers
from collective.confrecap.content.conference import IConference
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


def conference_titles(uids):
    """UID → ``{"title", "url"}`` of those conferences the user may view
    (one catalog query for all of them)."""
    if not uids:
        return {}
    return {
        brain.UID: {"title": brain.Title, "url": brain.getURL()}
        for brain in api.content.find(UID=sorted(uids))
    }
