"""``GET <context>/@resources``: every resource below the context, once per URL.

Served from the catalog's ``confrecap_resource_keys`` index: ``kind=`` and
``q=`` filter its keys, and a page costs one catalog query for the items
citing its resources.
"""

from collective.confrecap.coverage.keyed import LazyEntries
from collective.confrecap.coverage.resource_index import ResourceIndex
from collective.confrecap.services.aggregates import AggregateService
from collective.confrecap.services.aggregates import conference_filter
from collective.confrecap.services.aggregates import conference_refs
from collective.confrecap.services.aggregates import page_size
from collective.confrecap.services.aggregates import with_conference
from collective.confrecap.services.common import form_value
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
        index = ResourceIndex(
            self.context, conference=query.get("confrecap_conference")
        )

        def load(pairs):
            resources = index.load(pairs)  # one per key (None: never in practice)
            by_uid = index.summaries
            conferences = conference_refs(
                [by_uid[ref["uid"]] for r in resources if r for ref in r["cited_in"]],
                conference,
            )
            return [
                resource
                and dict(
                    resource_row(resource, kinds),
                    cited_in=[
                        with_conference(ref, by_uid, conferences)
                        for ref in resource["cited_in"]
                    ],
                    cited_in_total=resource["cited_in_total"],
                )
                for resource in resources
            ]

        search = form_value(self.request, "q")
        keys = index.ordered_keys(kinds=set(wanted), search=search)
        return LazyEntries(keys, load, page_size(self.request))
