"""``GET <context>/@speakers``: every speaker below the context, batched."""

from collective.confrecap.coverage import grouping as aggregate
from collective.confrecap.coverage import queries as listing
from collective.confrecap.services.aggregates import AggregateService
from collective.confrecap.services.aggregates import conference_filter
from collective.confrecap.services.aggregates import conference_refs
from collective.confrecap.services.aggregates import search_needle
from collective.confrecap.services.aggregates import with_conference


class SpeakersGet(AggregateService):
    """Every speaker below the context, by name, with the recaps they gave."""

    def items(self):
        query, conference = conference_filter(self.request)
        needle = search_needle(self.request)
        summaries = listing.recap_summaries(self.context, **query)
        by_uid = {summary["uid"]: summary for summary in summaries}
        conferences = conference_refs(summaries, conference)
        return [
            {
                "name": speaker["name"],
                "url": speaker["url"],
                "affiliation": speaker["affiliation"],
                "recaps": [
                    with_conference(ref, by_uid, conferences)
                    for ref in speaker["recaps"]
                ],
            }
            for speaker in aggregate.merge_speakers(summaries)
            if needle is None or needle in speaker["name"].casefold()
        ]
