"""The speakers of everything below a context, from ``confrecap_speaker_keys``.

One key per speaker, ``"<collation key of the name>\\x1f<speaker_key>"``
(see :func:`speaker_index_key`), so the index's order is the A–Z order and
the same person written the same way stays one speaker, as
:func:`~.grouping.merge_speakers` has it. ``q=`` is answered by
``confrecap_speaker_words`` (the folded words of each name): a range query
on the first word of the search gives the candidate items, then every word
of the search must begin a word of the speaker's name ("erico" finds
"Érico Andrei", "and eri" too).
"""

from bisect import bisect_left
from collective.confrecap.behaviors.speakers import ISpeakers
from collective.confrecap.coverage import queries
from collective.confrecap.coverage.grouping import merge_speakers
from collective.confrecap.coverage.grouping import speaker_key
from collective.confrecap.coverage.keyed import catalog_index
from collective.confrecap.coverage.keyed import KeyedIndex
from collective.confrecap.coverage.keyed import LazyEntries
from collective.confrecap.coverage.shared import shared
from collective.confrecap.formats.collation import entry_key
from collective.confrecap.formats.collation import split_key
from collective.confrecap.formats.collation import words
from datetime import date


KEYS_INDEX = "confrecap_speaker_keys"
WORDS_INDEX = "confrecap_speaker_words"
DATE_INDEX = "confrecap_session_date"
LAST = "\U0010ffff"
# How many of a speaker's recaps a page lists (the newest; the rest are counted).
RECAPS_LIMIT = 20


def speaker_index_key(name):
    return entry_key(name, speaker_key(name))


def letter_of_key(key):
    first = key[:1].upper()
    return first if first.isalpha() else "#"


class SpeakerIndex:
    """Speakers below ``context`` the current user may see, A–Z.

    ``conference``: a conference UID to restrict to; ``search``: the text of
    a ``q=`` search.
    """

    def __init__(self, context, conference=None, search=None):
        query = {"object_provides": ISpeakers.__identifier__}
        if conference:
            query["confrecap_conference"] = conference
        self.needle = words(search) if search else []
        if self.needle:
            first = max(self.needle, key=len)
            query[WORDS_INDEX] = {"query": (first, first + LAST), "range": "min:max"}

        def build(visible):
            keys = KeyedIndex(KEYS_INDEX, visible).visible_keys()
            if self.needle:
                keys = [key for key in keys if self._matches(key)]
            return visible, keys

        # The needle filters more than the query's range: part of the key.
        name = (KEYS_INDEX, *self.needle)
        visible, self._keys = shared(name, context, query, build)
        self.keyed = KeyedIndex(KEYS_INDEX, visible)
        self.summaries = {}

    def ordered_keys(self):
        return self._keys

    def _matches(self, key):
        name_words = words(split_key(key)[0])
        return all(
            any(word.startswith(needle) for word in name_words)
            for needle in self.needle
        )

    def __len__(self):
        return len(self.ordered_keys())

    def letters(self):
        """``[(letter, position of its first speaker)]``, in order; found by
        bisecting the sorted keys, one step per first character."""
        keys = self.ordered_keys()
        letters = []
        seen = set()
        position = 0
        while position < len(keys):
            first = keys[position][:1]
            letter = letter_of_key(first)
            if letter not in seen:
                seen.add(letter)
                letters.append((letter, position))
            position = bisect_left(keys, chr(ord(first) + 1), position + 1)
        return letters

    def entries(self, window):
        """A lazy sequence of the speakers (see :meth:`load`)."""
        return LazyEntries(self.ordered_keys(), self.load, window)

    def load(self, keys):
        """The entries of ``keys``: :func:`merge_speakers` of the visible
        items naming them (one catalog query), each with its ``letter``.

        A page costs what its speakers' newest recaps cost: each speaker
        brings at most ``RECAPS_LIMIT`` recaps, the latest sessions first
        (from the session date index, no item read), and ``recaps_total``
        counts them all. Someone who spoke at every conference of a
        fifteen-year archive no longer makes a page read all their talks.
        """
        docids = set()
        totals = {}
        for key in keys:
            recaps = self.keyed.visible_docids([key])
            totals[split_key(key)[1]] = len(recaps)
            if len(recaps) > RECAPS_LIMIT:
                recaps = newest(recaps, RECAPS_LIMIT)
            docids.update(recaps)
        summaries = queries.visible_summaries(docids)
        for summary in summaries:
            self.summaries[summary["uid"]] = summary
        merged = {
            speaker_key(entry["name"]): entry for entry in merge_speakers(summaries)
        }
        for speaker, entry in merged.items():
            # A recap shared with another speaker of the page may come in
            # above the limit: the list stays within it.
            entry["recaps"] = entry["recaps"][:RECAPS_LIMIT]
            entry["recaps_total"] = totals.get(speaker, len(entry["recaps"]))
        entries = []
        for key in keys:
            entry = merged.get(split_key(key)[1])
            # None only if the index and the metadata disagree (never, as
            # both are written by the same reindex); readers skip it.
            entries.append(entry and dict(entry, letter=letter_of_key(key)))
        return entries


def newest(docids, limit):
    """The ``limit`` record ids of the latest sessions (undated ones last,
    then by record id: the same answer every time)."""
    dates = catalog_index(DATE_INDEX)._unindex
    return sorted(
        docids,
        key=lambda docid: (
            -(dates.get(docid) or date.min).toordinal(),
            docid,
        ),
    )[:limit]
