"""iCalendar of a conference: the conference itself, then each PUBLISHED
session with a start time as a VEVENT (times, room as LOCATION, speakers,
URL). Registered as the ``IICalendar`` adapter of a Conference, so
plone.app.event's own ``ics_view`` serves it. From catalog metadata only.
"""

from Acquisition import aq_inner
from collective.confrecap.coverage.queries import summarize
from datetime import datetime
from datetime import timezone
from plone import api
from plone.app.event.ical.exporter import construct_icalendar
from plone.event.interfaces import IICalendar
from zope.interface import implementer

import icalendar


def _moment(value):
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(timezone.utc)


def session_event(summary, stamp):
    start = _moment(summary.get("session_start"))
    event = icalendar.Event()
    event.add("uid", f"{summary['uid']}@collective.confrecap")
    event.add("dtstamp", stamp)
    event.add("summary", summary["title"])
    event.add("dtstart", start)
    end = _moment(summary.get("session_end"))
    if end is not None and end >= start:
        event.add("dtend", end)
    if summary.get("room"):
        event.add("location", summary["room"])
    speakers = [s["name"] for s in summary.get("speakers") or [] if s.get("name")]
    lines = []
    if speakers:
        lines.append("Speakers: " + ", ".join(speakers))
    if summary.get("description"):
        lines.append(summary["description"])
    if lines:
        event.add("description", "\n\n".join(lines))
    if summary.get("track"):
        event.add("categories", [summary["track"]])
    event.add("url", summary["url"])
    return event


@implementer(IICalendar)
def calendar_from_conference(context):
    """The conference as an event, then its published sessions."""
    context = aq_inner(context)
    calendar = construct_icalendar(context, [context])
    stamp = datetime.now(timezone.utc)
    brains = api.content.find(
        context=context,
        depth=1,
        portal_type="TalkRecap",
        review_state="published",
        sort_on="getObjPositionInParent",
    )
    summaries = [summarize(brain) for brain in brains]
    summaries = [s for s in summaries if _moment(s.get("session_start"))]
    summaries.sort(key=lambda s: s["session_start"])
    for summary in summaries:
        calendar.add_component(session_event(summary, stamp))
    return calendar
