"""What ``@speakers`` and ``@resources`` share: query parameters, conference
references and the batched reply."""

from collective.confrecap.coverage import queries as listing
from collective.confrecap.services.common import batched
from collective.confrecap.services.common import check_batching
from collective.confrecap.services.common import form_value
from collective.confrecap.services.common import InvalidParameter
from collective.confrecap.services.common import reference
from collective.confrecap.services.common import reply_error
from plone import api
from plone.restapi.batching import DEFAULT_BATCH_SIZE
from plone.restapi.services import Service


def conference_filter(request):
    """Catalog query restricting to one conference (``?conference=<uid>``)."""
    uid = form_value(request, "conference")
    if uid is None:
        return {}, None
    brains = listing.conference_brains(api.portal.get(), UID=uid)
    if not brains:
        raise InvalidParameter("conference", f"No conference with UID “{uid}”.")
    return {"confrecap_conference": uid}, brains[0]


def page_size(request):
    """The ``b_size`` a HypermediaBatch will use (already checked)."""
    value = form_value(request, "b_size")
    return int(value) if value else DEFAULT_BATCH_SIZE


def conference_refs(summaries, known=None):
    """UID → ``{"@id", "uid", "title"}`` of the conferences ``summaries`` are
    in (one catalog query, restricted to what the user may view)."""
    uids = {summary["conference_uid"] for summary in summaries} - {None}
    if not uids:
        return {}
    if known is not None and uids == {known.UID}:
        brains = [known]
    else:
        brains = listing.visible_conference_brains(uids)
    return {
        brain.UID: {"@id": brain.getURL(), "uid": brain.UID, "title": brain.Title}
        for brain in brains
    }


def with_conference(ref, summaries_by_uid, conferences):
    data = reference(ref)
    summary = summaries_by_uid.get(ref["uid"]) or {}
    data["conference"] = conferences.get(summary.get("conference_uid"))
    return data


class AggregateService(Service):
    def reply(self):
        try:
            check_batching(self.request)  # before the aggregation, not after
            return batched(self.request, self.items())
        except InvalidParameter as error:
            return reply_error(self.request, error)
