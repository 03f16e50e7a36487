"""The values of an index that the current user may see.

``uniqueValuesFor`` answers from the whole index, private and pending content
included, with no permission check: a vocabulary built from it tells an
anonymous visitor the speakers of an unpublished recap. :func:`visible_values`
instead asks the catalog which documents the user may view (the same
permission-checked query every listing makes: ``allowedRolesAndUsers`` and
``effectiveRange``), then reads each visible document's value(s) from the
index's reverse mapping. It never wakes an object and never loads a metadata
record: the cost is one catalog query plus one index lookup per visible
document.
"""

from BTrees.IIBTree import IISet
from plone import api
from ZTUtils.Lazy import LazyMap


def visible_docids(catalog, **query):
    """The record ids of the documents matching ``query`` that the current
    user may view (Plone's ``searchResults`` adds the permission filter)."""
    results = catalog.searchResults(**query)
    sequence = getattr(results, "_seq", None) if type(results) is LazyMap else None
    if sequence is not None and all(isinstance(rid, int) for rid in sequence[:1]):
        return sequence
    # Sorted or merged results: fall back to the brains' record ids.
    return IISet([brain.getRID() for brain in results])


def visible_values(index_name, **query):
    """Every value of ``index_name`` on content the current user may view,
    optionally narrowed by a catalog ``query`` (e.g. ``path``)."""
    catalog = api.portal.get_tool("portal_catalog")
    index = catalog._catalog.indexes.get(index_name)
    if index is None:
        return set()
    reverse = getattr(index, "_unindex", None)
    if reverse is None:  # not an UnIndex (Field/Keyword/Boolean): be strict
        return set()
    values = set()
    for rid in visible_docids(catalog, **query):
        value = reverse.get(rid)
        if value is None:
            continue
        if isinstance(value, str):
            values.add(value)
        else:
            values.update(item for item in value if isinstance(item, str))
    return values
