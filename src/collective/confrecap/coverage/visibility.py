"""The catalog's own answer to "which documents may the current user see?",
as a set of record ids rather than brains.

:func:`visible_docids` runs the query the way ``portal_catalog.searchResults``
does (the user's ``allowedRolesAndUsers``, the ``effectiveRange`` unless they
may see inactive content, any pending indexing processed first) through
ZCatalog's own query plan and indexes, and stops before sorting and making
brains: what it costs is set operations in C, like any catalog search.
The aggregates (:mod:`collective.confrecap.coverage.keyed`) intersect their
index postings with it, so the rules of who sees what stay Plone's.
"""

from AccessControl.SecurityManagement import getSecurityManager
from BTrees.IIBTree import IISet
from DateTime import DateTime
from plone import api
from Products.CMFCore.indexing import processQueue


def _path(context):
    portal = api.portal.get()
    path = "/".join(context.getPhysicalPath())
    if path == "/".join(portal.getPhysicalPath()):
        return None  # everything the catalog holds is below the site
    return path


def secured_query(catalog, query, now=None):
    """``query`` with the restrictions ``searchResults`` adds for the user
    (``now``: the moment of the effective range, by default this one)."""
    query = dict(query)
    user = getSecurityManager().getUser()
    query["allowedRolesAndUsers"] = catalog._listAllowedRolesAndUsers(user)
    show_inactive = query.pop("show_inactive", None)
    if show_inactive is None:
        show_inactive = catalog.allow_inactive(query)
    if not show_inactive:
        query["effectiveRange"] = now or DateTime()
    return query


def query_for(catalog, context, query, now=None):
    """The whole catalog query for what the current user may view below
    ``context`` of ``query``."""
    query = dict(query)
    path = _path(context)
    if path is not None:
        query["path"] = path
    return secured_query(catalog, query, now)


def search_docids(catalog, query):
    """Record ids of a whole (secured) query: ZCatalog's own plan and
    indexes, stopped before sorting and making brains."""
    engine = catalog._catalog
    query = engine.make_query(query)
    plan = engine.getCatalogPlan(query)
    plan.start()
    index_ids = plan.plan() or engine._sorted_search_indexes(query)
    result = None
    for index_id in index_ids:
        if index_id not in engine.indexes:
            continue
        result = engine._search_index(plan, index_id, query, result)
        if not result:
            break
    plan.stop()
    if not result:
        return IISet()
    if hasattr(result, "values"):  # a scored mapping: keep its record ids
        result = IISet(result.keys())
    return result


def visible_docids(context, **query):
    """Record ids of the catalogued items below ``context`` matching
    ``query`` that the current user may view (an ``IISet``, maybe empty)."""
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    return search_docids(catalog, query_for(catalog, context, query))
