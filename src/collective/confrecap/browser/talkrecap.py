"""``talkrecap-view``: one recap with its speakers, links, takeaways,
quotes, body and resources, and the previous/next recap of its conference
(found through the catalog, so only recaps the user may view are linked)."""

from AccessControl import getSecurityManager
from Acquisition import aq_inner
from Acquisition import aq_parent
from collective.confrecap.browser.cards import MacrosMixin
from collective.confrecap.browser.cards import speaker_rows
from collective.confrecap.browser.conference import recap_links
from collective.confrecap.browser.conference import resource_groups
from collective.confrecap.browser.conference import rich_text
from collective.confrecap.browser.dates import conference_dates
from collective.confrecap.browser.dates import session_day
from collective.confrecap.browser.jsonld import json_ld
from collective.confrecap.browser.jsonld import ld_conference
from collective.confrecap.browser.jsonld import ld_talk
from collective.confrecap.browser.labels import talk_kind_title
from collective.confrecap.content.lookup import find_conference
from collective.confrecap.coverage.queries import recap_brains
from collective.confrecap.indexers.coverage import coverage_data
from plone.memoize.instance import memoize
from plone.uuid.interfaces import IUUID
from Products.Five import BrowserView

import datetime


def session_slot(start, end):
    """ "10:30–11:15" (times of the programme, in its own time zone)."""
    if not start:
        return None
    try:
        first = datetime.datetime.fromisoformat(start)
        last = datetime.datetime.fromisoformat(end) if end else None
    except ValueError:
        return None
    label = first.strftime("%H:%M")
    if last is not None:
        label += "–" + last.strftime("%H:%M")
    return {"label": label, "iso": start}


class TalkRecapView(MacrosMixin, BrowserView):
    @memoize
    def data(self):
        """The same values the catalog keeps for this recap."""
        data = coverage_data(self.context)
        data.update(
            uid=IUUID(self.context, None),
            url=self.context.absolute_url(),
            title=self.context.Title(),
            description=self.context.Description(),
        )
        return data

    def speakers(self):
        return speaker_rows(self.data().get("speakers"))

    def kind(self):
        return talk_kind_title(self.data().get("talk_kind"), self.request)

    def track(self):
        return self.data().get("track")

    def day(self):
        return session_day(self.data().get("session_date"))

    def highlight(self):
        return bool(self.data().get("highlight"))

    def room(self):
        return self.data().get("room")

    def slot(self):
        """The programme slot: {"label": "10:30–11:15", "iso": start}."""
        return session_slot(
            self.data().get("session_start"), self.data().get("session_end")
        )

    def abstract(self):
        """The programme's abstract as paragraphs of plain text."""
        text = self.data().get("abstract") or ""
        return [part.strip() for part in text.split("\n\n") if part.strip()]

    def links(self):
        return recap_links(self.data())

    def takeaways(self):
        return self.data().get("takeaways") or []

    def quotes(self):
        return self.data().get("quotes") or []

    def body(self):
        return rich_text(self.context)

    def resource_groups(self):
        return resource_groups(self.data().get("resources") or [], self.request)

    @memoize
    def conference(self):
        """The enclosing conference, when the user may view it: a published
        recap in a private conference says nothing of that conference (not
        in the page, not in its JSON-LD ``superEvent``)."""
        conference = find_conference(aq_parent(aq_inner(self.context)))
        if conference is None:
            return None
        if not getSecurityManager().checkPermission("View", conference):
            return None
        return conference

    def conference_info(self):
        conference = self.conference()
        if conference is None:
            return None
        return {
            "title": conference.Title(),
            "url": conference.absolute_url(),
            "dates": conference_dates(conference),
        }

    @memoize
    def neighbours(self):
        """``(previous, next)`` recap in the same folder, by position."""
        parent = aq_parent(aq_inner(self.context))
        brains = list(recap_brains(parent, depth=1))
        uid = IUUID(self.context, None)
        uids = [brain.UID for brain in brains]
        if uid not in uids:
            return None, None
        index = uids.index(uid)

        def ref(position):
            if 0 <= position < len(brains):
                brain = brains[position]
                return {"title": brain.Title, "url": brain.getURL()}
            return None

        return ref(index - 1), ref(index + 1)

    def previous(self):
        return self.neighbours()[0]

    def next(self):
        return self.neighbours()[1]

    def json_ld(self):
        conference = self.conference()
        super_event = ld_conference(conference) if conference is not None else None
        data = self.data()
        article = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": data["title"],
            "description": data["description"] or None,
            "url": data["url"],
            "about": ld_talk(data, super_event),
            "keywords": list(self.context.Subject()) or None,
        }
        return json_ld({key: value for key, value in article.items() if value})
