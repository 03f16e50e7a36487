"""``GET <context>/@speakers`` and ``GET <context>/@resources``.

Aggregated indexes of everything below the context (the site, a folder or a
conference), from catalog metadata only, batched like ``@search``.

Query string: ``q`` (case-insensitive substring of a speaker's name, or of a
resource's title or URL), ``conference`` (UID of a conference: only its
coverage; an unknown UID is a ``400``), ``kind`` (``@resources`` only, one or
more tokens of ``collective.confrecap.ResourceKinds``), ``b_start``,
``b_size``.
"""

from collective.confrecap import aggregate
from collective.confrecap import listing
from collective.confrecap.services.common import batched
from collective.confrecap.services.common import check_batching
from collective.confrecap.services.common import form_value
from collective.confrecap.services.common import form_values
from collective.confrecap.services.common import InvalidParameter
from collective.confrecap.services.common import reference
from collective.confrecap.services.common import reply_error
from collective.confrecap.services.common import resource_row
from collective.confrecap.services.common import Terms
from plone import api
from plone.restapi.services import Service


def _conference_filter(request):
    """Catalog query restricting to one conference (``?conference=<uid>``)."""
    uid = form_value(request, "conference")
    if uid is None:
        return {}, None
    brains = listing.conference_brains(api.portal.get(), UID=uid)
    if not brains:
        raise InvalidParameter("conference", f"No conference with UID “{uid}”.")
    return {"confrecap_conference": uid}, brains[0]


def _needle(request):
    value = form_value(request, "q")
    return value.casefold() if value else None


def _conferences(summaries, known=None):
    """UID → ``{"@id", "uid", "title"}`` of the conferences ``summaries`` are
    in (one catalog query, restricted to what the user may view)."""
    uids = {summary["conference_uid"] for summary in summaries} - {None}
    if not uids:
        return {}
    if known is not None and uids == {known.UID}:
        brains = [known]
    else:
        brains = listing.conference_brains(api.portal.get(), UID=sorted(uids))
    return {
        brain.UID: {"@id": brain.getURL(), "uid": brain.UID, "title": brain.Title}
        for brain in brains
    }


def _with_conference(ref, summaries_by_uid, conferences):
    data = reference(ref)
    summary = summaries_by_uid.get(ref["uid"]) or {}
    data["conference"] = conferences.get(summary.get("conference_uid"))
    return data


class IndexService(Service):
    def reply(self):
        try:
            check_batching(self.request)  # before the aggregation, not after
            return batched(self.request, self.items())
        except InvalidParameter as error:
            return reply_error(self.request, error)


class SpeakersGet(IndexService):
    """Every speaker below the context, by name, with the recaps they gave."""

    def items(self):
        query, conference = _conference_filter(self.request)
        needle = _needle(self.request)
        summaries = listing.recap_summaries(self.context, **query)
        by_uid = {summary["uid"]: summary for summary in summaries}
        conferences = _conferences(summaries, conference)
        return [
            {
                "name": speaker["name"],
                "url": speaker["url"],
                "affiliation": speaker["affiliation"],
                "recaps": [
                    _with_conference(ref, by_uid, conferences)
                    for ref in speaker["recaps"]
                ],
            }
            for speaker in aggregate.merge_speakers(summaries)
            if needle is None or needle in speaker["name"].casefold()
        ]


class ResourcesGet(IndexService):
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
        query, conference = _conference_filter(self.request)
        needle = _needle(self.request)
        summaries = listing.resource_summaries(self.context, **query)
        by_uid = {summary["uid"]: summary for summary in summaries}
        conferences = _conferences(summaries, conference)
        return [
            dict(
                resource_row(resource, kinds),
                cited_in=[
                    _with_conference(ref, by_uid, conferences)
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
