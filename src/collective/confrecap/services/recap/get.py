"""``GET <conference>/@recap``: a conference's whole coverage in one document.

Built from catalog metadata (``confrecap_data``) through
:mod:`collective.confrecap.coverage.queries`; only ``?include=text`` wakes the recaps
to add their bodies. The catalog returns only what the user may view, so a
private recap never reaches an anonymous reader.
"""

from collective.confrecap.behaviors.resources import IResources
from collective.confrecap.behaviors.speakers import ISpeakers
from collective.confrecap.content.conference import IConference
from collective.confrecap.coverage import grouping as aggregate
from collective.confrecap.coverage import queries as listing
from collective.confrecap.interfaces import ICollectiveConfrecapLayer
from collective.confrecap.serializers.summary import brain_summary
from collective.confrecap.services.common import check_batching
from collective.confrecap.services.common import form_value
from collective.confrecap.services.common import form_values
from collective.confrecap.services.common import InvalidParameter
from collective.confrecap.services.common import reference
from collective.confrecap.services.common import reply_error
from collective.confrecap.services.common import resource_row
from collective.confrecap.services.common import Terms
from plone import api
from plone.app.contenttypes.behaviors.richtext import IRichText
from plone.app.contenttypes.behaviors.richtext import IRichTextBehavior
from plone.restapi.batching import HypermediaBatch
from plone.restapi.interfaces import IExpandableElement
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services import Service
from plone.uuid.interfaces import IUUID
from Products.CMFCore.utils import getToolByName
from zExceptions import BadRequest
from zope.component import adapter
from zope.component import queryMultiAdapter
from zope.interface import implementer


INCLUDES = ("text",)

# A conference's recaps come in pages of DEFAULT_SIZE (``b_size`` up to
# MAX_SIZE), so no response grows without bound: a 20,000-recap conference
# is 40 requests, not one 37 MB document. Every real conference fits in the
# first page. Speakers, resources and the groupings cover the page's recaps.
DEFAULT_SIZE = 500
MAX_SIZE = 1000


def _includes(request):
    includes = form_values(request, "include")
    for value in includes:
        for part in value.split(","):
            if part.strip() and part.strip() not in INCLUDES:
                raise InvalidParameter(
                    "include",
                    f"“{part.strip()}” is unknown; allowed: {', '.join(INCLUDES)}.",
                )
    return {part.strip() for value in includes for part in value.split(",")}


def _text(obj, request):
    """The ``text`` field serialised as plone.restapi does (resolved UIDs)."""
    if not IRichText.providedBy(obj):
        return None
    serializer = queryMultiAdapter(
        (IRichTextBehavior["text"], obj, request), IFieldSerializer
    )
    return serializer() if serializer is not None else None


class Recap:
    """The ``@recap`` document of a conference."""

    def __init__(self, context, request):
        self.context = context
        self.request = request

    def conference(self, include_text):
        context = self.context
        workflow = getToolByName(context, "portal_workflow")
        data = {
            "@id": context.absolute_url(),
            "@type": context.portal_type,
            "uid": IUUID(context),
            "title": context.title,
            "description": context.description,
            "start": json_compatible(getattr(context, "start", None)),
            "end": json_compatible(getattr(context, "end", None)),
            "whole_day": bool(getattr(context, "whole_day", False)),
            "open_end": bool(getattr(context, "open_end", False)),
            "location": getattr(context, "location", None),
            "event_url": getattr(context, "event_url", None),
            "conference_format": Terms(
                "collective.confrecap.ConferenceFormats", context, self.request
            )(context.conference_format),
            "organizer": context.organizer,
            "tracks": list(context.tracks or []),
            "coverage_note": context.coverage_note,
            "subjects": list(context.subject or ()),
            "review_state": workflow.getInfoFor(context, "review_state", None),
        }
        if include_text:
            data["text"] = _text(context, self.request)
        return data

    def recap(self, summary, talk_kinds, resource_kinds, brain, include_text):
        data = {
            **brain_summary(brain, self.request),
            "uid": summary["uid"],
            "subjects": summary["subjects"],
            "speakers": [
                {
                    "name": row.get("name"),
                    "url": row.get("url"),
                    "affiliation": row.get("affiliation"),
                }
                for row in summary.get("speakers") or []
            ],
            "talk_kind": talk_kinds(summary.get("talk_kind")),
            "track": summary.get("track"),
            "session_date": summary.get("session_date"),
            "session_start": summary.get("session_start"),
            "session_end": summary.get("session_end"),
            "room": summary.get("room"),
            "abstract": summary.get("abstract"),
            "programme_id": summary.get("programme_id"),
            "talk_url": summary.get("talk_url"),
            "slides_url": summary.get("slides_url"),
            "video_url": summary.get("video_url"),
            "highlight": bool(summary.get("highlight")),
            "takeaways": list(summary.get("takeaways") or []),
            "quotes": list(summary.get("quotes") or []),
            "resources": [
                resource_row(row, resource_kinds)
                for row in summary.get("resources") or []
            ],
        }
        if include_text:
            data["text"] = _text(brain.getObject(), self.request)
        return data

    def _page(self):
        """(HypermediaBatch of the recap brains, b_start) after checking the
        batching parameters."""
        request = self.request
        check_batching(request)
        size = form_value(request, "b_size")
        if size is None:
            request.form["b_size"] = str(DEFAULT_SIZE)
        elif int(size) > MAX_SIZE:
            raise InvalidParameter(
                "b_size", f"at most {MAX_SIZE} recaps per page, not {size}."
            )
        start = int(form_value(request, "b_start") or 0)
        return HypermediaBatch(request, listing.recap_brains(self.context)), start

    def __call__(self):
        includes = _includes(self.request)
        include_text = "text" in includes
        context, request = self.context, self.request
        page, start = self._page()
        talk_kinds = Terms("collective.confrecap.TalkKinds", context, request)
        resource_kinds = Terms("collective.confrecap.ResourceKinds", context, request)

        recap_brains = list(page)
        summaries = [listing.summarize(brain) for brain in recap_brains]
        recaps = [
            self.recap(summary, talk_kinds, resource_kinds, brain, include_text)
            for summary, brain in zip(summaries, recap_brains, strict=True)
        ]
        # Resource lists (few per conference) come with the first page,
        # at most a page's worth of them.
        list_brains = []
        if start == 0:
            for brain in api.content.find(
                context=context,
                object_provides={
                    "query": [IResources.__identifier__],
                    "not": [ISpeakers.__identifier__],
                },
                sort_on="getObjPositionInParent",
            ):
                if len(list_brains) >= page.b_size:
                    break
                list_brains.append(brain)
        lists = [listing.summarize(brain) for brain in list_brains]
        resources = aggregate.merge_resources(summaries + lists)
        speakers = aggregate.merge_speakers(summaries)
        by_track = aggregate.group_by_track(recaps, context.tracks or ())
        by_day = aggregate.group_by_day(recaps)

        result = {
            "@id": f"{context.absolute_url()}/@recap",
            "conference": self.conference(include_text),
            "recaps_total": page.items_total,
            "recaps_by_track": by_track,
            "recaps_by_day": [
                {"date": group["date"], "recaps": group["recaps"]} for group in by_day
            ],
            "speakers": [
                {
                    "name": speaker["name"],
                    "url": speaker["url"],
                    "affiliation": speaker["affiliation"],
                    "recaps": [reference(ref) for ref in speaker["recaps"]],
                }
                for speaker in speakers
            ],
            "resources": [
                dict(
                    resource_row(resource, resource_kinds),
                    cited_in=[reference(ref) for ref in resource["cited_in"]],
                )
                for resource in resources
            ],
            "resource_lists": [
                {
                    **brain_summary(brain, request),
                    "uid": item["uid"],
                    "subjects": item["subjects"],
                    "resources": [
                        resource_row(row, resource_kinds)
                        for row in item.get("resources") or []
                    ],
                }
                for item, brain in zip(lists, list_brains, strict=True)
            ],
        }
        links = page.links
        if links:
            result["batching"] = links
        return result


@implementer(IExpandableElement)
@adapter(IConference, ICollectiveConfrecapLayer)
class RecapElement:
    """``?expand=recap`` on a conference embeds its ``@recap`` document."""

    def __init__(self, context, request):
        self.context = context
        self.request = request

    def __call__(self, expand=False):
        url = f"{self.context.absolute_url()}/@recap"
        if not expand:
            return {"recap": {"@id": url}}
        try:
            return {"recap": Recap(self.context, self.request)()}
        except InvalidParameter as error:
            raise BadRequest(str(error)) from error


class RecapGet(Service):
    def reply(self):
        try:
            return Recap(self.context, self.request)()
        except InvalidParameter as error:
            return reply_error(self.request, error)
