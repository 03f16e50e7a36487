"""The resources of everything below a context, from ``confrecap_resource_keys``.

One key per way a resource is cited:
``"<collation key of the title>\\x1f<resource_key(url)>\\x1f<kind>"`` (see
:func:`resource_index_keys`). Walking the index gives the A–Z order of the
titles; a URL cited under several titles is listed once, at the first of
its titles A–Z, like :func:`~.grouping.merge_resources` merges by URL. The
page's entries are that merge of just the items citing the page's URLs.
``kind=`` and ``q=`` (a part of the title, accents and case ignored, or of
the URL) filter the keys without reading any item.
"""

from collections.abc import Sequence
from collective.confrecap.behaviors.resources import IResources
from collective.confrecap.coverage import queries
from collective.confrecap.coverage.grouping import merge_resources
from collective.confrecap.coverage.grouping import resource_key
from collective.confrecap.coverage.keyed import KeyedIndex
from collective.confrecap.coverage.keyed import LazyEntries
from collective.confrecap.coverage.shared import shared
from collective.confrecap.formats.collation import fold
from collective.confrecap.formats.collation import SEPARATOR
from collective.confrecap.formats.collation import sort_key
from itertools import chain


KEYS_INDEX = "confrecap_resource_keys"
# How many of the items citing a resource a page lists (the rest are counted).
CITED_IN_LIMIT = 10


class _Picked(Sequence):
    """The items of ``items`` at ``positions``, read only when asked for."""

    def __init__(self, items, positions):
        self.items = items
        self.positions = positions

    def __len__(self):
        return len(self.positions)

    def __getitem__(self, position):
        if isinstance(position, slice):
            return [self.items[i] for i in self.positions[position]]
        return self.items[self.positions[position]]


def _on_page(summaries, urls):
    """The summaries with only their resources of the page's ``urls``.

    An entry is made from the rows of its own URL only, so merging just
    those gives the same entries; a talk citing forty links costs the page
    one, not forty collation keys.
    """
    keys = {}  # url → resource_key(url), once per URL

    def on_page(row):
        url = row.get("url")
        if not url:
            return False
        key = keys.get(url)
        if key is None:
            key = keys[url] = resource_key(url)
        return key in urls

    trimmed = []
    for summary in summaries:
        rows = summary.get("resources") or ()
        trimmed.append(dict(summary, resources=[row for row in rows if on_page(row)]))
    return trimmed


def resource_index_keys(rows):
    """The index keys of resource rows (those with a URL)."""
    keys = set()
    for row in rows or []:
        url = (row.get("url") or "").strip()
        if not url:
            continue
        title = row.get("title") or row["url"]
        kind = row.get("kind") or "other"
        keys.add(SEPARATOR.join((sort_key(title), resource_key(url), kind)))
    return keys


class ResourceIndex:
    """Resources below ``context`` the current user may see, by title."""

    def __init__(self, context, conference=None):
        query = {"object_provides": IResources.__identifier__}
        if conference:
            query["confrecap_conference"] = conference

        def build(visible):
            seen = set()
            more = {}  # url → its other keys (other titles or kinds)
            pairs = []  # (key, url): each URL once, at its first title
            by_kind = {}  # kind → positions in ``pairs``
            for key in KeyedIndex(KEYS_INDEX, visible).visible_keys():
                _title, url, kind = key.split(SEPARATOR)
                if url in seen:
                    more.setdefault(url, []).append(key)
                else:
                    seen.add(url)
                    by_kind.setdefault(kind, []).append(len(pairs))
                    pairs.append((key, url))
            return visible, more, pairs, by_kind

        answer = shared(KEYS_INDEX, context, query, build)
        visible, self._more, self._pairs, self._by_kind = answer
        self.keyed = KeyedIndex(KEYS_INDEX, visible)
        self.summaries = {}

    def counts(self):
        """Kind token → number of resources of that kind."""
        return {kind: len(positions) for kind, positions in self._by_kind.items()}

    def ordered_keys(self, kinds=(), search=None):
        """``[(key, url_key)]`` A–Z, of the ``kinds`` given (all if none).

        Without ``search`` the list is made once per shared answer (one
        kind: its own list), so a page of the first or of one kind costs
        the page, not a pass over every resource of the site.
        """
        if search:
            needle = fold(search)
            return [
                (key, url)
                for key, url in self._pairs
                if (not kinds or key.rsplit(SEPARATOR, 1)[1] in kinds)
                and (needle in key.split(SEPARATOR, 1)[0] or needle in url)
            ]
        if not kinds:
            return self._pairs
        lists = [self._by_kind.get(kind, ()) for kind in kinds]
        positions = lists[0] if len(lists) == 1 else sorted(chain(*lists))
        return _Picked(self._pairs, positions)

    def entries(self, window, kinds=(), search=None):
        return LazyEntries(self.ordered_keys(kinds, search), self.load, window)

    def load(self, pairs):
        """The entries of ``[(key, url_key)]``: :func:`merge_resources` of the
        visible items citing those URLs under any title (one catalog query).

        A page costs what its citations cost, so each resource brings at most
        ``CITED_IN_LIMIT`` of the items citing it (always some citing it under
        the page's title, whose title and kind the entry shows);
        ``cited_in_total`` counts them all. A conference's slides or playlist
        cited by every one of its hundreds of talks no longer makes a page of
        resources read hundreds of recaps.
        """
        docids = set()
        totals = {}
        for key, url in pairs:
            cited = self.keyed.visible_docids([key, *self._more.get(url, ())])
            totals[url] = len(cited)
            if len(cited) > CITED_IN_LIMIT:
                shown = sorted(self.keyed.visible_docids([key]))[:CITED_IN_LIMIT]
                shown += sorted(cited.difference(shown))[: CITED_IN_LIMIT - len(shown)]
                cited = shown
            docids.update(cited)
        summaries = queries.visible_summaries(docids)
        for summary in summaries:
            self.summaries[summary["uid"]] = summary
        merged = {
            resource_key(entry["url"]): entry
            for entry in merge_resources(_on_page(summaries, {u for _k, u in pairs}))
        }
        for url, entry in merged.items():
            entry["cited_in"] = entry["cited_in"][:CITED_IN_LIMIT]
            entry["cited_in_total"] = totals.get(url, len(entry["cited_in"]))
        return [merged.get(url) for _key, url in pairs]
