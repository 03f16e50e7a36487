"""Aggregates served from a KeywordIndex of collation keys.

The speakers and resources indexes keep one key per entry (a speaker, a
resource) in the catalog (``confrecap_speaker_keys``,
``confrecap_resource_keys``, filled by our indexers in the catalog's own
transaction). The index's BTree holds the keys sorted, so walking it gives
the A–Z order; each key's postings are the record ids of the items naming
that entry. A request costs:

- the user's visible record ids (:func:`~.visibility.visible_docids`: set
  operations in C, what any catalog search costs);
- the keys with at least one visible item, in order. Keys are only dropped
  when every item behind them is hidden from the user, and only the hidden
  items are looked at to find them: with everything published that is
  nothing, with most of the site hidden (or a conference as context) the
  visible items are walked instead. The list of keys is what makes exact
  counts, letter navigation and ``b_start`` paging possible; making it is
  O(keys) list building in C plus O(min(visible, hidden)) in Python — the
  documented price of exact batching;
- for the page only: the visible postings of its keys, one catalog query for
  their summaries (metadata, no object woken), and the old pure merge
  (:mod:`~.grouping`) of just those summaries.

No key without a visible item is ever returned, so a private recap's speaker
appears nowhere: not in a page, a letter or a count.
"""

from BTrees.IOBTree import difference as io_difference
from collections.abc import Sequence
from plone import api


def catalog_index(name):
    return api.portal.get_tool("portal_catalog")._catalog.getIndex(name)


def _postings(index, key):
    docs = index._index.get(key)
    if docs is None:
        return ()
    if isinstance(docs, int):
        return (docs,)
    return docs


def _keys_of(index, docid):
    keys = index._unindex.get(docid)
    if keys is None:
        return ()
    if isinstance(keys, str):
        return (keys,)
    return keys


class KeyedIndex:
    """The keys of one KeywordIndex as the current user may see them."""

    def __init__(self, index_name, visible):
        self.index = catalog_index(index_name)
        self.visible = visible

    def is_visible(self, key):
        visible = self.visible
        return any(docid in visible for docid in _postings(self.index, key))

    def visible_keys(self):
        """Every key with at least one visible item, in collation order."""
        index = self.index
        visible = self.visible
        if not visible:
            return []
        if len(visible) * 2 <= index.numObjects():
            # Few visible items (a conference, a search, a mostly private
            # site): their own keys, sorted.
            keys = set()
            for docid in visible:
                keys.update(_keys_of(index, docid))
            return sorted(keys)
        # Most items visible: every key but those all of whose items are
        # hidden; only the hidden items' keys need a look.
        hidden = io_difference(index._unindex, visible)
        excluded = set()
        checked = set()
        for keys in hidden.values():
            for key in _keys_of_value(keys):
                if key in checked:
                    continue
                checked.add(key)
                if not self.is_visible(key):
                    excluded.add(key)
        all_keys = index._index.keys()
        if not excluded:
            return list(all_keys)
        return [key for key in all_keys if key not in excluded]

    def visible_docids(self, keys):
        """The visible record ids behind ``keys`` (a set)."""
        visible = self.visible
        docids = set()
        for key in keys:
            docids.update(
                docid for docid in _postings(self.index, key) if docid in visible
            )
        return docids


def _keys_of_value(keys):
    return (keys,) if isinstance(keys, str) else keys


def uids_of(docids):
    """The UIDs of catalog record ids (from the UID index, no brain made)."""
    unindex = catalog_index("UID")._unindex
    return sorted(uid for uid in (unindex.get(docid) for docid in docids) if uid)


class LazyEntries(Sequence):
    """A sequence of entries, one per key, made a page at a time.

    ``len()`` is the number of keys (exact counts for batching); reading an
    item makes the entries of ``window`` keys from there in one go with
    ``load(keys) -> [entry, ...]``, so a ``Batch`` of it costs one load.
    """

    def __init__(self, keys, load, window):
        self.keys = keys
        self.load = load
        self.window = max(int(window or 1), 1)
        self.cache = {}

    def __len__(self):
        return len(self.keys)

    def __getitem__(self, position):
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError(position)
        if position not in self.cache:
            stop = min(position + self.window, len(self))
            entries = self.load(self.keys[position:stop])
            for offset, entry in enumerate(entries):
                self.cache[position + offset] = entry
        return self.cache[position]
