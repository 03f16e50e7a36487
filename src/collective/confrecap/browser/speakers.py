"""``@@confrecap-speakers``: every speaker A–Z, with their recaps across conferences."""

from collective.confrecap.browser.cards import batch
from collective.confrecap.browser.index_page import IndexBase
from collective.confrecap.browser.index_page import letter_anchor
from collective.confrecap.browser.index_page import letter_of
from collective.confrecap.coverage.grouping import merge_speakers
from collective.confrecap.coverage.queries import conference_titles
from collective.confrecap.coverage.queries import recap_summaries
from plone.memoize.instance import memoize
from urllib.parse import urlencode


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
