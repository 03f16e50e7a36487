"""The values of an index that the current user may see.

``uniqueValuesFor`` answers from the whole index, private and pending content
included, with no permission check: a vocabulary built from it tells an
anonymous visitor the speakers of an unpublished recap. :func:`visible_values`
instead asks the catalog which documents the user may view
(:func:`~collective.confrecap.coverage.visibility.visible_docids`: the rules
of ``searchResults``, ``allowedRolesAndUsers`` and ``effectiveRange``), then
reads each visible document's value(s) from the index's reverse mapping. It
never wakes an object and never loads a metadata record: the cost is one
catalog query plus one index lookup per visible document.
"""

from collective.confrecap.coverage.visibility import visible_docids
from plone import api


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
    for rid in visible_docids(api.portal.get(), **query):
        value = reverse.get(rid)
        if value is None:
            continue
        if isinstance(value, str):
            values.add(value)
        else:
            values.update(item for item in value if isinstance(item, str))
    return values
