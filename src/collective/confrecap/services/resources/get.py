"""``GET <context>/@resources``: every resource below the context, once per URL."""

from collective.confrecap.coverage import grouping as aggregate
from collective.confrecap.coverage import queries as listing
from collective.confrecap.services.aggregates import AggregateService
from collective.confrecap.services.aggregates import conference_filter
from collective.confrecap.services.aggregates import conference_refs
from collective.confrecap.services.aggregates import search_needle
from collective.confrecap.services.aggregates import with_conference
from collective.confrecap.services.common import form_values
from collective.confrecap.services.common import InvalidParameter
from collective.confrecap.services.common import resource_row
from collective.confrecap.services.common import Terms


class ResourcesGet(AggregateService):
    """Every resource below the context, de-duplicated by URL, by title, with
    the recaps and resource lists citing it."""

    def items(self):
        kinds = Terms("collective.confrecap.ResourceKinds", self.context, self.request)
        wanted = form_values(self.request, "kind")
        for kind in wanted:
            if kind not in kinds:
                raise InvalidParameter(
                    "kind",
                    f"“{kind}” is not one of {', '.join(kinds.terms)}.",
                )
        query, conference = conference_filter(self.request)
        needle = search_needle(self.request)
        summaries = listing.resource_summaries(self.context, **query)
        by_uid = {summary["uid"]: summary for summary in summaries}
        conferences = conference_refs(summaries, conference)
        return [
            dict(
                resource_row(resource, kinds),
                cited_in=[
                    with_conference(ref, by_uid, conferences)
                    for ref in resource["cited_in"]
                ],
            )
            for resource in aggregate.merge_resources(summaries)
            if (not wanted or resource["kind"] in wanted)
            and (
                needle is None
                or needle in resource["title"].casefold()
                or needle in resource["url"].casefold()
            )
        ]
