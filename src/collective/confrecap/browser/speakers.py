"""``@@confrecap-speakers``: every speaker A–Z, with their recaps across conferences.

Served from the catalog's ``confrecap_speaker_keys`` index
(:class:`~collective.confrecap.coverage.speaker_index.SpeakerIndex`): a page
costs the lookup of its keys and one catalog query for the recaps of its
speakers, whatever the size of the site.
"""

from collective.confrecap.browser.cards import batch
from collective.confrecap.browser.index_page import IndexBase
from collective.confrecap.browser.index_page import letter_anchor
from collective.confrecap.coverage.queries import conference_titles
from collective.confrecap.coverage.speaker_index import SpeakerIndex
from plone.memoize.instance import memoize
from urllib.parse import urlencode


class SpeakersIndex(IndexBase):
    @memoize
    def aggregate(self):
        return SpeakerIndex(self.context)

    @memoize
    def speakers(self):
        return self.aggregate().entries(self.b_size)

    @memoize
    def batch(self):
        return batch(self.speakers(), self.request, self.b_size)

    def letters(self):
        """``[{"letter", "url"}]``: where each letter's first speaker is."""
        base = self.request.getURL()
        letters = []
        for letter, position in self.aggregate().letters():
            start = (position // self.b_size) * self.b_size
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
        page = [speaker for speaker in self.batch() if speaker]
        summaries = self.aggregate().summaries
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
