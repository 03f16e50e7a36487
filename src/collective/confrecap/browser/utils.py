"""Helpers shared by the Classic UI views: dates, vocabulary titles,
speakers, batching and schema.org JSON-LD.

Everything here works on plain values or on the summaries
:func:`collective.confrecap.listing.summarize` makes of catalog brains, so
the views that use it never wake a recap object.
"""

from collective.confrecap.controlpanel import settings
from collective.confrecap.urls import is_http_url
from collective.confrecap.vocabularies.kinds import CONFERENCE_FORMATS
from collective.confrecap.vocabularies.kinds import RESOURCE_KINDS
from collective.confrecap.vocabularies.kinds import TALK_KINDS
from DateTime import DateTime
from plone import api
from plone.app.event.base import dates_for_display
from plone.batching import Batch
from plone.event.interfaces import IEventAccessor
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate
from zope.interface import implementer

import datetime
import html
import json
import re


RESOURCE_KIND_ORDER = tuple(token for token, title in RESOURCE_KINDS)
TALK_KIND_TITLES = dict(TALK_KINDS)
RESOURCE_KIND_TITLES = dict(RESOURCE_KINDS)
FORMAT_TITLES = dict(CONFERENCE_FORMATS)

TEAM_RE = re.compile(r"\b(team|crew|group|staff|folks)\b", re.IGNORECASE)


def title_of(token, titles, request):
    """The translated title of a vocabulary token (the token if unknown)."""
    if not token:
        return None
    message = titles.get(token)
    if message is None:
        return token
    return translate(message, context=request)


def talk_kind_title(token, request):
    return title_of(token, TALK_KIND_TITLES, request)


def resource_kind_title(token, request):
    return title_of(token, RESOURCE_KIND_TITLES, request)


def format_title(token, request):
    return title_of(token, FORMAT_TITLES, request)


# Dates ------------------------------------------------------------------


@implementer(IEventAccessor)
class _DatesAccessor:
    """Just enough of an event accessor for ``dates_for_display``, built
    from metadata (a brain's ``start``/``end`` and ``confrecap_data``)."""

    def __init__(self, context, start, end, whole_day, open_end):
        self.context = context
        self.start = _as_datetime(start)
        self.end = _as_datetime(end) or self.start
        self.whole_day = bool(whole_day)
        self.open_end = bool(open_end)


def _as_datetime(value):
    if value is None:
        return None
    if isinstance(value, DateTime):
        return value.asdatetime()
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    return None


def conference_dates(conference):
    """:func:`event_dates` of a conference object."""
    return event_dates(
        conference,
        getattr(conference, "start", None),
        getattr(conference, "end", None),
        getattr(conference, "whole_day", True),
        getattr(conference, "open_end", False),
    )


def event_dates(context, start, end, whole_day=True, open_end=False):
    """How to show a conference's dates: one day, a range or an open end.

    ``{"mode": "day" | "range" | "open", "start_date", "end_date",
    "start_iso", "end_iso"}`` from plone.app.event's ``dates_for_display``
    (localized like every other event in the site), or ``None`` without a
    start date.
    """
    if _as_datetime(start) is None:
        return None
    accessor = _DatesAccessor(context, start, end, whole_day, open_end)
    info = dates_for_display(accessor)
    if info is None:
        return None
    if info["open_end"]:
        mode = "open"
    elif info["same_day"]:
        mode = "day"
    else:
        mode = "range"
    return {
        "mode": mode,
        "start_date": info["start_date"],
        "end_date": info["end_date"],
        "start_iso": info["start_iso"],
        "end_iso": info["end_iso"],
    }


def session_day(iso_date):
    """``{"iso", "label"}`` for a ``YYYY-MM-DD`` session date (or ``None``)."""
    if not iso_date:
        return None
    try:
        label = api.portal.get_localized_time(
            datetime=DateTime(iso_date), long_format=False
        )
    except Exception:  # a value we cannot parse is shown as it is
        label = iso_date
    return {"iso": iso_date, "label": label}


# Speakers ---------------------------------------------------------------


def is_team(name):
    return bool(TEAM_RE.search(name or ""))


def speaker_rows(speakers):
    """Speaker rows with the separator that makes them read as a sentence:
    ``A``, ``A and B``, ``A, B and C``."""
    rows = [row for row in speakers or [] if (row.get("name") or "").strip()]
    result = []
    for index, row in enumerate(rows):
        if index == len(rows) - 1:
            separator = ""
        elif index == len(rows) - 2:
            separator = "and"
        else:
            separator = "comma"
        result.append(
            {
                "name": row["name"].strip(),
                "url": row.get("url") or None,
                "affiliation": row.get("affiliation") or None,
                "separator": separator,
                "team": is_team(row["name"]),
            }
        )
    return result


# Batching ---------------------------------------------------------------


def recap_card(summary, request):
    """What a recap card shows, from its summary (catalog metadata only)."""
    return {
        "uid": summary["uid"],
        "url": summary["url"],
        "title": summary["title"],
        "description": summary["description"],
        "speakers": speaker_rows(summary.get("speakers")),
        "kind": talk_kind_title(summary.get("talk_kind"), request),
        "track": summary.get("track"),
        "day": session_day(summary.get("session_date")),
        "highlight": bool(summary.get("highlight")),
        "takeaways": len(summary.get("takeaways") or []),
        "review_state": summary.get("review_state"),
    }


def batch(sequence, request, size):
    """A plone.batching ``Batch`` of ``sequence`` at the request's ``b_start``."""
    try:
        start = max(int(request.form.get("b_start", 0)), 0)
    except (TypeError, ValueError):
        start = 0
    return Batch(sequence, size, start)


def regroup(entries, key):
    """Consecutive ``(group, item)`` pairs back into ``[{key, items}]``."""
    groups = []
    for group, item in entries:
        if not groups or groups[-1][key] != group:
            groups.append({key: group, "cards": []})
        groups[-1]["cards"].append(item)
    return groups


# JSON-LD ----------------------------------------------------------------


def json_ld(data):
    """``data`` as JSON safe to put inside ``<script>``: no ``</script>``,
    ``<!--`` or ``]]>`` can end it early (``<``, ``>`` and ``&`` are written
    as JSON unicode escapes, which parse back to the same text)."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _compact(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def ld_performer(row):
    return _compact(
        {
            "@type": "PerformingGroup" if is_team(row.get("name")) else "Person",
            "name": row.get("name"),
            "url": row.get("url"),
            "affiliation": (
                {"@type": "Organization", "name": row["affiliation"]}
                if row.get("affiliation")
                else None
            ),
        }
    )


def ld_talk(summary, conference=None):
    """A recap's talk as a schema.org ``Event``."""
    return _compact(
        {
            "@type": "Event",
            "name": summary.get("title"),
            "startDate": summary.get("session_date"),
            "url": summary.get("talk_url") or summary.get("url"),
            "performer": [ld_performer(row) for row in summary.get("speakers") or []],
            "superEvent": conference,
        }
    )


def ld_iso(value, date_only=False):
    """ISO 8601 for JSON-LD; a whole-day event gives just its dates."""
    value = _as_datetime(value)
    if not value:
        return None
    return value.date().isoformat() if date_only else value.isoformat()


def ld_conference(conference, description=None):
    """A conference as a schema.org ``Event`` (without its sub-events)."""
    modes = {
        "in-person": "https://schema.org/OfflineEventAttendanceMode",
        "online": "https://schema.org/OnlineEventAttendanceMode",
        "hybrid": "https://schema.org/MixedEventAttendanceMode",
    }
    url = conference.absolute_url()
    event_url = getattr(conference, "event_url", None)
    conference_format = conference.conference_format
    location = getattr(conference, "location", None)
    whole_day = bool(getattr(conference, "whole_day", False))
    place = None
    if conference_format == "online":
        place = {"@type": "VirtualLocation", "url": event_url or url}
    elif location:
        place = {"@type": "Place", "name": location}
    data = {
        "@type": "Event",
        "name": conference.Title(),
        "url": url,
        "startDate": ld_iso(getattr(conference, "start", None), whole_day),
        "endDate": ld_iso(getattr(conference, "end", None), whole_day),
        "eventAttendanceMode": modes.get(conference_format),
        "location": place,
        "description": description,
        "sameAs": event_url,
        "organizer": (
            {"@type": "Organization", "name": conference.organizer}
            if conference.organizer
            else None
        ),
    }
    return _compact(data)


def ld_item_list(name, url, resources, start=0):
    return _compact(
        {
            "@context": "https://schema.org",
            "@type": "ItemList",
            "name": name,
            "url": url,
            "numberOfItems": len(resources),
            "itemListElement": [
                _compact(
                    {
                        "@type": "ListItem",
                        "position": start + index + 1,
                        "url": row.get("url"),
                        "name": row.get("title"),
                        "description": row.get("description"),
                    }
                )
                for index, row in enumerate(resources)
            ],
        }
    )


MARKDOWN_LINK = re.compile(r"\[([^\[\]]+)\]\(([^()\s]+)\)")


def linkify(text):
    """Escaped ``text`` with its Markdown links ``[label](url)`` as anchors.

    Imported resource descriptions keep the links found inside them in
    Markdown (so an export gives them back); readers should get links, not
    brackets. Only http(s) URLs become anchors; anything else stays text.
    """
    if not text:
        return ""
    parts = []
    position = 0
    for match in MARKDOWN_LINK.finditer(text):
        label, url = match.groups()
        if not is_http_url(url):
            continue
        parts.append(html.escape(text[position : match.start()]))
        parts.append(f'<a href="{html.escape(url)}">{html.escape(label)}</a>')
        position = match.end()
    parts.append(html.escape(text[position:]))
    return "".join(parts)


class StructuredDataMixin:
    """Gives a view ``view/structured_data``: whether its template adds the
    schema.org JSON-LD (the control panel's "Structured data" setting)."""

    def structured_data(self):
        return settings.structured_data()


class MacrosMixin(StructuredDataMixin):
    """Gives a view ``view/macros/...``: the shared macros of this package."""

    macros_template = ViewPageTemplateFile("templates/macros.pt")

    def linkify(self, text):
        return linkify(text)

    @property
    def macros(self):
        return self.macros_template.macros
