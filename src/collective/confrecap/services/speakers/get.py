"""``GET <context>/@speakers``: every speaker below the context, batched.

Served from the catalog's ``confrecap_speaker_keys`` index: a page costs the
lookup of its keys and one catalog query for its speakers' recaps.
``q=`` matches the beginnings of the words of a name, accents and case
ignored ("erico" finds "Érico Andrei").
"""

from collective.confrecap.coverage.keyed import LazyEntries
from collective.confrecap.coverage.speaker_index import SpeakerIndex
from collective.confrecap.services.aggregates import AggregateService
from collective.confrecap.services.aggregates import conference_filter
from collective.confrecap.services.aggregates import conference_refs
from collective.confrecap.services.aggregates import page_size
from collective.confrecap.services.aggregates import with_conference
from collective.confrecap.services.common import form_value


class SpeakersGet(AggregateService):
    """Every speaker below the context, by name, with the recaps they gave."""

    def items(self):
        query, conference = conference_filter(self.request)
        index = SpeakerIndex(
            self.context,
            conference=query.get("confrecap_conference"),
            search=form_value(self.request, "q"),
        )

        def load(keys):
            speakers = index.load(keys)  # one per key (None: never in practice)
            by_uid = index.summaries
            conferences = conference_refs(
                [by_uid[ref["uid"]] for s in speakers if s for ref in s["recaps"]],
                conference,
            )
            return [
                speaker
                and {
                    "name": speaker["name"],
                    "url": speaker["url"],
                    "affiliation": speaker["affiliation"],
                    "recaps": [
                        with_conference(ref, by_uid, conferences)
                        for ref in speaker["recaps"]
                    ],
                    "recaps_total": speaker["recaps_total"],
                }
                for speaker in speakers
            ]

        return LazyEntries(index.ordered_keys(), load, page_size(self.request))
