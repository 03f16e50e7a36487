"""What the aggregates compute once for every request that would ask the same.

The ordered key list of the speakers and resources indexes is O(keys) to
make (13,000 speakers, 9,000 resources on the whole pyvideo.org archive),
while a page needs 25 of them. :func:`shared` keeps the last few of those
lists in memory, keyed by everything their answer depends on:

- the catalog, and the transaction that last changed it (the ``_p_serial``
  of Plone's catalog counter, which every (re)indexing and uncataloguing
  bumps: any change of content, workflow state or local roles makes a new
  key; an undo is a new transaction too, unlike the counter's value);
- the whole query the catalog would run for the current user: their
  ``allowedRolesAndUsers``, the path, the filters and the effective range
  at the current minute (so a publishing or expiry date takes effect in the
  indexes within a minute, as a cached page would).

A transaction that changed the catalog itself (an author's request that
adds a recap, then lists) computes its own answer and shares nothing. Only
plain data is kept (record ids and strings), never a persistent object.
"""

from BTrees.IIBTree import IISet
from collections import OrderedDict
from collective.confrecap.coverage.visibility import query_for
from collective.confrecap.coverage.visibility import search_docids
from DateTime import DateTime
from plone import api
from Products.CMFCore.indexing import processQueue

import threading
import time


SIZE = 32  # answers kept; each is a few MB at most, on a whole archive
_answers = OrderedDict()
_lock = threading.Lock()


def _current_minute():
    return DateTime(int(time.time()) // 60 * 60)


def _catalog_state(catalog):
    """What identifies the catalog's committed state, or None if this
    transaction changed it (then nothing may be shared)."""
    counter = catalog._counter
    if counter is None:
        return None
    counter()  # load it: a ghost has no serial yet
    if counter._p_changed or counter._p_jar is None:
        return None
    return (id(counter._p_jar.db()), catalog.getPhysicalPath(), counter._p_serial)


def _visible(catalog, query):
    docids = search_docids(catalog, query)
    if getattr(docids, "_p_jar", None) is not None:
        # An index's own set (a one-index answer): a copy, not the
        # connection's persistent object, may outlive this request.
        docids = IISet(docids)
    return docids


def shared(name, context, query, build):
    """``build(visible)`` where ``visible`` are the record ids of the items
    below ``context`` matching ``query`` that the current user may view;
    the same answer for every request with the same key (see above).
    ``build`` must return plain data that nobody changes afterwards."""
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    full = query_for(catalog, context, query, now=_current_minute())
    state = _catalog_state(catalog)
    if state is None:
        return build(_visible(catalog, full))
    key = (name, state, repr(sorted(full.items())))
    with _lock:
        answer = _answers.get(key)
        if answer is not None:
            _answers.move_to_end(key)
            return answer
    answer = build(_visible(catalog, full))
    with _lock:
        _answers[key] = answer
        while len(_answers) > SIZE:
            _answers.popitem(last=False)
    return answer
