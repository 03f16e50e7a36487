"""The coverage of a conference's programme: which sessions have a recap,
slides, a video. From catalog metadata only (no session is woken), and only
what the current user may view."""

from collective.confrecap.coverage.queries import summarize
from plone import api


FILTERS = ("no-recap", "no-video", "no-slides")


def _has_slides(summary):
    if summary.get("slides_url"):
        return True
    return any(r.get("kind") == "slides" for r in summary.get("resources") or [])


def session_row(brain):
    summary = summarize(brain)
    written = bool(summary.get("has_text"))
    return {
        "uid": summary["uid"],
        "url": summary["url"],
        "edit_url": summary["url"]
        + "/edit#formfield-form-widgets-IRichTextBehavior-text",
        "title": summary["title"],
        "programme_id": summary.get("programme_id"),
        "session_date": summary.get("session_date"),
        "session_start": summary.get("session_start"),
        "session_end": summary.get("session_end"),
        "room": summary.get("room"),
        "track": summary.get("track"),
        "talk_kind": summary.get("talk_kind"),
        "speakers": [s["name"] for s in summary.get("speakers") or []],
        "review_state": summary["review_state"],
        "recap_written": written,
        "published": summary["review_state"] == "published",
        "slides": _has_slides(summary),
        "slides_url": summary.get("slides_url"),
        "video": bool(summary.get("video_url")),
        "video_url": summary.get("video_url"),
    }


def _matches(row, filters):
    if "no-recap" in filters and row["recap_written"]:
        return False
    if "no-video" in filters and row["video"]:
        return False
    return not ("no-slides" in filters and row["slides"])


def coverage(conference, filters=()):
    """Sessions by day and room, with counts (of all sessions, unfiltered)."""
    unknown = sorted(set(filters) - set(FILTERS))
    if unknown:
        raise ValueError(
            f"Unknown filter(s) {', '.join(unknown)}; use {', '.join(FILTERS)}."
        )
    brains = api.content.find(
        context=conference,
        depth=1,
        portal_type="TalkRecap",
        sort_on="getObjPositionInParent",
    )
    rows = [session_row(brain) for brain in brains]
    rows.sort(
        key=lambda r: (
            r["session_date"] or "9999",
            r["session_start"] or "",
            r["title"],
        )
    )
    counts = {
        "sessions": len(rows),
        "recap_written": sum(r["recap_written"] for r in rows),
        "published": sum(r["published"] for r in rows),
        "slides": sum(r["slides"] for r in rows),
        "video": sum(r["video"] for r in rows),
    }
    shown = [r for r in rows if _matches(r, filters)]
    days = {}
    for row in shown:
        day = days.setdefault(row["session_date"], {})
        day.setdefault(row["room"] or "", []).append(row)
    room_order = {}
    for row in rows:
        room_order.setdefault(row["room"] or "", len(room_order))
    grouped = [
        {
            "date": day,
            "rooms": [
                {"room": room or None, "sessions": sessions}
                for room, sessions in sorted(
                    by_room.items(), key=lambda item: room_order[item[0]]
                )
            ],
        }
        for day, by_room in days.items()
    ]
    return {
        "filters": list(filters),
        "counts": counts,
        "shown": len(shown),
        "days": grouped,
    }
