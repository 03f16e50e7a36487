"""``talkrecap-listing`` and ``conference-listing``: display views for
Folders and Collections.

For a Folder the items are the recaps (or conferences) anywhere below it;
for a Collection, its own results. Either way cards are made from catalog
metadata only, 20 per page (``?b_size=`` up to 100; plone.batching), and
the recap counts of the conferences on a page come from one catalog query.
"""

from collective.confrecap.behaviors.speakers import ISpeakers
from collective.confrecap.browser.cards import batch
from collective.confrecap.browser.cards import MacrosMixin
from collective.confrecap.browser.cards import recap_card
from collective.confrecap.browser.dates import event_dates
from collective.confrecap.browser.jsonld import json_ld
from collective.confrecap.browser.labels import format_title
from collective.confrecap.coverage.queries import conference_brains
from collective.confrecap.coverage.queries import conference_titles
from collective.confrecap.coverage.queries import recap_brains
from collective.confrecap.coverage.queries import summarize
from plone import api
from plone.app.contenttypes.behaviors.collection import ICollection
from plone.memoize.instance import memoize
from Products.Five import BrowserView

import collections


MAX_B_SIZE = 100


class ListingBase(MacrosMixin, BrowserView):
    default_b_size = 20

    @property
    def b_size(self):
        try:
            size = int(self.request.form.get("b_size", self.default_b_size))
        except (TypeError, ValueError):
            size = self.default_b_size
        return min(max(size, 1), MAX_B_SIZE)

    def recap_mode(self):
        return self.__name__ == "talkrecap-listing"

    @memoize
    def batch(self):
        recaps = self.recap_mode()
        brains = self.recap_brains() if recaps else self.conference_brains()
        return batch(brains, self.request, self.b_size)

    @memoize
    def recap_cards(self):
        summaries = [summarize(brain) for brain in self.batch()]
        conferences = conference_titles(
            {s["conference_uid"] for s in summaries if s["conference_uid"]}
        )
        return [
            dict(
                recap_card(summary, self.request),
                conference=conferences.get(summary["conference_uid"]),
            )
            for summary in summaries
        ]

    @memoize
    def conference_cards(self):
        summaries = [
            dict(
                summarize(brain),
                start=brain.start,
                end=brain.end,
                location=brain.location,
            )
            for brain in self.batch()
        ]
        counts = self.recap_counts(
            [s["uid"] for s in summaries if s["portal_type"] == "Conference"]
        )
        cards = []
        for summary in summaries:
            cards.append(
                {
                    "url": summary["url"],
                    "title": summary["title"],
                    "description": summary["description"],
                    "dates": event_dates(
                        self.context,
                        summary["start"],
                        summary["end"],
                        summary.get("whole_day", True),
                        summary.get("open_end", False),
                    ),
                    "format": format_title(
                        summary.get("conference_format"), self.request
                    ),
                    "location": summary["location"],
                    "recaps": counts.get(summary["uid"], 0),
                    "is_conference": summary["portal_type"] == "Conference"
                    or "tracks" in summary,
                }
            )
        return cards

    def recap_counts(self, uids):
        """How many recaps (the user may view) each conference holds: one
        catalog query for the whole page, counted from metadata."""
        if not uids:
            return {}
        brains = api.content.find(
            object_provides=ISpeakers.__identifier__, confrecap_conference=uids
        )
        return collections.Counter(brain.confrecap_conference for brain in brains)

    def json_ld(self):
        items = self.recap_cards() if self.recap_mode() else self.conference_cards()
        start = self.batch().first
        return json_ld(
            {
                "@context": "https://schema.org",
                "@type": "ItemList",
                "name": self.context.Title(),
                "url": self.context.absolute_url(),
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": start + index + 1,
                        "url": item["url"],
                        "name": item["title"],
                    }
                    for index, item in enumerate(items)
                ],
            }
        )


class FolderListing(ListingBase):
    def recap_brains(self):
        return recap_brains(self.context, sort_on="created", sort_order="descending")

    def conference_brains(self):
        return conference_brains(self.context)


class CollectionListing(ListingBase):
    def results(self, **query):
        return ICollection(self.context).results(
            batch=False, brains=True, custom_query=query
        )

    def recap_brains(self):
        return self.results()

    def conference_brains(self):
        return self.results()
