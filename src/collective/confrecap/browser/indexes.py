"""Site-wide indexes: ``@@confrecap-speakers`` and ``@@confrecap-resources``.

Both are built from catalog metadata of everything below the context that
the current user may view (no object is woken), and show ``b_size`` entries
per page (the control panel's "Index entries per page", 50 by default;
plone.batching, ``?b_start=``).
"""

from collective.confrecap.aggregate import merge_resources
from collective.confrecap.aggregate import merge_speakers
from collective.confrecap.browser.utils import batch
from collective.confrecap.browser.utils import json_ld
from collective.confrecap.browser.utils import ld_item_list
from collective.confrecap.browser.utils import linkify
from collective.confrecap.browser.utils import RESOURCE_KIND_ORDER
from collective.confrecap.browser.utils import resource_kind_title
from collective.confrecap.browser.utils import StructuredDataMixin
from collective.confrecap.controlpanel import settings
from collective.confrecap.listing import conference_titles
from collective.confrecap.listing import recap_summaries
from collective.confrecap.listing import resource_summaries
from plone.memoize.instance import memoize
from Products.Five import BrowserView
from urllib.parse import urlencode

import unicodedata


def letter_of(name):
    """The index letter of a name: its first letter without accents, or #."""
    first = unicodedata.normalize("NFKD", (name or "").strip()[:1])[:1].upper()
    return first if first.isalpha() else "#"


class IndexBase(StructuredDataMixin, BrowserView):
    @property
    def b_size(self):
        """Entries per page (the control panel's "Index entries per page")."""
        return settings.index_page_size()


class SpeakersIndex(IndexBase):
    @memoize
    def summaries(self):
        return {summary["uid"]: summary for summary in recap_summaries(self.context)}

    @memoize
    def speakers(self):
        speakers = merge_speakers(self.summaries().values())
        for speaker in speakers:
            speaker["letter"] = letter_of(speaker["name"])
        return speakers

    @memoize
    def batch(self):
        return batch(self.speakers(), self.request, self.b_size)

    def letters(self):
        """``[{"letter", "url"}]``: where each letter's first speaker is."""
        letters = []
        seen = set()
        base = self.request.getURL()
        for index, speaker in enumerate(self.speakers()):
            letter = speaker["letter"]
            if letter in seen:
                continue
            seen.add(letter)
            start = (index // self.b_size) * self.b_size
            query = "?" + urlencode({"b_start": start}) if start else ""
            letters.append(
                {
                    "letter": letter,
                    "url": f"{base}{query}#letter-{letter_anchor(letter)}",
                }
            )
        return letters

    @memoize
    def groups(self):
        """The speakers of this page, by letter, with their recaps."""
        page = list(self.batch())
        summaries = self.summaries()
        conferences = conference_titles(
            {
                summaries[ref["uid"]]["conference_uid"]
                for speaker in page
                for ref in speaker["recaps"]
                if summaries.get(ref["uid"], {}).get("conference_uid")
            }
        )
        groups = []
        for speaker in page:
            if not groups or groups[-1]["letter"] != speaker["letter"]:
                groups.append(
                    {
                        "letter": speaker["letter"],
                        "anchor": "letter-" + letter_anchor(speaker["letter"]),
                        "speakers": [],
                    }
                )
            recaps = []
            for ref in speaker["recaps"]:
                summary = summaries.get(ref["uid"], {})
                recaps.append(
                    dict(
                        ref,
                        conference=conferences.get(summary.get("conference_uid")),
                    )
                )
            groups[-1]["speakers"].append(dict(speaker, recaps=recaps))
        return groups


def letter_anchor(letter):
    return "other" if letter == "#" else letter


class ResourcesIndex(IndexBase):
    def linkify(self, text):
        return linkify(text)

    def kind(self):
        kind = self.request.form.get("kind")
        return kind if kind in RESOURCE_KIND_ORDER else None

    @memoize
    def all_resources(self):
        return merge_resources(resource_summaries(self.context))

    @memoize
    def resources(self):
        kind = self.kind()
        return [
            resource
            for resource in self.all_resources()
            if kind is None or resource["kind"] == kind
        ]

    @memoize
    def batch(self):
        return batch(self.resources(), self.request, self.b_size)

    def page(self):
        return [
            dict(
                resource, kind_title=resource_kind_title(resource["kind"], self.request)
            )
            for resource in self.batch()
        ]

    def kinds(self):
        """The kind filter: every kind that has resources, with a count."""
        counts = {}
        for resource in self.all_resources():
            counts[resource["kind"]] = counts.get(resource["kind"], 0) + 1
        base = self.request.getURL()
        current = self.kind()
        return [
            {
                "kind": kind,
                "title": resource_kind_title(kind, self.request),
                "count": counts[kind],
                "url": f"{base}?{urlencode({'kind': kind})}",
                "current": kind == current,
            }
            for kind in RESOURCE_KIND_ORDER
            if counts.get(kind)
        ]

    def all_url(self):
        return self.request.getURL()

    def json_ld(self):
        return json_ld(
            ld_item_list(
                self.context.Title(),
                self.request.getURL(),
                list(self.batch()),
                start=self.batch().first,
            )
        )
