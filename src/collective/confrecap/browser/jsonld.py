"""schema.org JSON-LD for the pages: Event, Article about a talk, ItemList."""

from collective.confrecap.browser.cards import is_team
from collective.confrecap.browser.dates import as_datetime

import json


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
    value = as_datetime(value)
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
