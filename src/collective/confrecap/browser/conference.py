"""Views of a Conference: by track (default), by day, and as one article.

``conference-view`` and ``conference-by-day`` render the recaps from
catalog metadata only (:func:`collective.confrecap.coverage.queries.recap_summaries`),
so showing a conference never wakes its recap objects. Each page shows at
most ``b_size`` recaps (the control panel's "Recaps per page", 100
by default); the rest follow on further pages
(plone.batching, ``?b_start=``), in the same order.

``recap-article`` shows each recap in full (its body is rich text), so it
wakes the recaps of the page it shows, ``b_size`` per page as well.
"""

from collective.confrecap import _
from collective.confrecap.browser.cards import batch
from collective.confrecap.browser.cards import MacrosMixin
from collective.confrecap.browser.cards import recap_card
from collective.confrecap.browser.cards import regroup
from collective.confrecap.browser.dates import conference_dates
from collective.confrecap.browser.dates import session_day
from collective.confrecap.browser.jsonld import json_ld
from collective.confrecap.browser.jsonld import ld_conference
from collective.confrecap.browser.jsonld import ld_performer
from collective.confrecap.browser.labels import format_title
from collective.confrecap.browser.labels import RESOURCE_KIND_ORDER
from collective.confrecap.browser.labels import resource_kind_title
from collective.confrecap.content.resourcelist import IResourceList
from collective.confrecap.controlpanel import settings
from collective.confrecap.coverage.grouping import group_by_day
from collective.confrecap.coverage.grouping import group_by_track
from collective.confrecap.coverage.grouping import group_resources_by_kind
from collective.confrecap.coverage.queries import recap_brains
from collective.confrecap.coverage.queries import recap_summaries
from collective.confrecap.coverage.queries import summarize
from plone import api
from plone.memoize.instance import memoize
from Products.Five import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

import re


CLOSING_HEADING = re.compile(
    r"<h[1-6][^>]*>\s*(?:<[^>]+>\s*)*"
    r"(?:closing|final thoughts|conclusion|wrap(?:ping)?[ -]up|in closing)",
    re.IGNORECASE,
)


def split_closing(html):
    """``(introduction, closing thoughts)`` of a conference's text: the
    closing part starts at the first heading that reads like one
    ("Closing thoughts", "Conclusion", "Final thoughts", "Wrap-up")."""
    if not html:
        return "", ""
    match = CLOSING_HEADING.search(html)
    if match is None:
        return html, ""
    return html[: match.start()], html[match.start() :]


def rich_text(obj):
    text = getattr(obj, "text", None)
    if text is None or not getattr(text, "raw", None):
        return ""
    return text.output_relative_to(obj) or ""


class ConferenceBase(MacrosMixin, BrowserView):
    """What all views of a conference share: the header and the cards."""

    header_template = ViewPageTemplateFile("templates/conference_header.pt")

    @property
    def b_size(self):
        """Recaps per page (the control panel's "Recaps per page")."""
        return settings.recaps_per_page()

    @property
    def header_macros(self):
        return self.header_template.macros

    # Header -------------------------------------------------------------

    @memoize
    def dates(self):
        return conference_dates(self.context)

    def conference_format(self):
        return format_title(self.context.conference_format, self.request)

    def location(self):
        return getattr(self.context, "location", None)

    def event_url(self):
        return getattr(self.context, "event_url", None)

    def tracks(self):
        return list(self.context.tracks or [])

    def calendar_url(self):
        """The conference as an iCalendar file (plone.app.event's ``ics_view``)."""
        return f"{self.context.absolute_url()}/ics_view"

    def index_urls(self):
        """The site-wide speakers and resources indexes."""
        root = api.portal.get_navigation_root(self.context).absolute_url()
        return {
            "speakers": f"{root}/@@confrecap-speakers",
            "resources": f"{root}/@@confrecap-resources",
        }

    @memoize
    def text(self):
        return rich_text(self.context)

    def introduction(self):
        """The conference text up to its closing thoughts (first page only)."""
        if self.batch().has_previous:
            return ""
        return split_closing(self.text())[0]

    def closing(self):
        """The closing thoughts, shown after the recaps (last page only)."""
        if self.batch().has_next:
            return ""
        return split_closing(self.text())[1]

    # Recaps -------------------------------------------------------------

    @memoize
    def summaries(self):
        return recap_summaries(self.context)

    def card(self, summary):
        return recap_card(summary, self.request)

    @memoize
    def resource_lists(self):
        brains = api.content.find(
            context=self.context,
            object_provides=IResourceList.__identifier__,
            sort_on="getObjPositionInParent",
        )
        lists = []
        for brain in brains:
            summary = summarize(brain)
            resources = [
                dict(row, kind_title=resource_kind_title(row.get("kind"), self.request))
                for row in summary.get("resources") or []
            ]
            lists.append(dict(summary, resources=resources))
        return lists

    # JSON-LD ------------------------------------------------------------

    def json_ld(self):
        data = {"@context": "https://schema.org"}
        data.update(ld_conference(self.context, self.context.Description()))
        data["subEvent"] = [
            {
                key: value
                for key, value in {
                    "@type": "Event",
                    "name": summary["title"],
                    "url": summary["url"],
                    "startDate": summary.get("session_date"),
                    "performer": [
                        ld_performer(row) for row in summary.get("speakers") or []
                    ],
                }.items()
                if value
            }
            for summary in self.page_summaries()
        ]
        return json_ld(data)

    # Pages: ``ordered()`` gives ``(group key, summary)`` pairs in page order.

    @memoize
    def batch(self):
        return batch(self.ordered(), self.request, self.b_size)

    def page_summaries(self):
        return [summary for key, summary in self.batch()]


class ConferenceView(ConferenceBase):
    """``conference-view``: recaps grouped by track, highlights first."""

    @memoize
    def ordered(self):
        return [
            (group["track"], summary)
            for group in group_by_track(self.summaries(), self.tracks())
            for summary in group["recaps"]
        ]

    @memoize
    def groups(self):
        groups = regroup(
            [(track, self.card(summary)) for track, summary in self.batch()],
            "track",
        )
        only_untracked = all(track is None for track, summary in self.ordered())
        for group in groups:
            if group["track"] is not None:
                group["heading"] = group["track"]
            elif only_untracked:
                group["heading"] = translate(
                    _("heading_all_sessions", default="Sessions"),
                    context=self.request,
                )
            else:
                group["heading"] = translate(
                    _("heading_no_track", default="Other sessions"),
                    context=self.request,
                )
        return groups


class ConferenceByDayView(ConferenceBase):
    """``conference-by-day``: recaps grouped by day, undated last."""

    @memoize
    def ordered(self):
        return [
            (group["date"], summary)
            for group in group_by_day(self.summaries())
            for summary in group["recaps"]
        ]

    @memoize
    def groups(self):
        groups = regroup(
            [(day, self.card(summary)) for day, summary in self.batch()], "date"
        )
        for group in groups:
            group["day"] = session_day(group["date"])
        return groups


class RecapArticleView(ConferenceBase):
    """``recap-article``: the whole coverage as one long article.

    Introduction (the conference text up to a "Closing thoughts" heading),
    each recap in full, then the closing thoughts. The recaps of the page
    are woken: their bodies are rich text, which is not catalog metadata.
    """

    @memoize
    def batch(self):
        return batch(recap_brains(self.context), self.request, self.b_size)

    def page_summaries(self):
        return [summarize(brain) for brain in self.batch()]

    @memoize
    def recaps(self):
        recaps = []
        for brain in self.batch():
            summary = summarize(brain)
            obj = brain.getObject()
            card = self.card(summary)
            card.update(
                anchor="recap-" + summary["id"],
                body=rich_text(obj),
                takeaways=list(summary.get("takeaways") or []),
                quotes=list(summary.get("quotes") or []),
                links=recap_links(summary),
                resource_groups=resource_groups(
                    summary.get("resources") or [], self.request
                ),
            )
            recaps.append(card)
        return recaps


def recap_links(summary):
    labels = (
        ("talk_url", _("link_talk_page", default="Talk page")),
        ("slides_url", _("link_slides", default="Slides")),
        ("video_url", _("link_video", default="Video recording")),
    )
    return [
        {"label": label, "url": summary[key]}
        for key, label in labels
        if summary.get(key)
    ]


def resource_groups(resources, request):
    groups = group_resources_by_kind(resources, RESOURCE_KIND_ORDER)
    for group in groups:
        group["title"] = resource_kind_title(group["kind"], request)
    return groups
