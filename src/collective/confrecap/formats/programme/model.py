"""What a conference programme holds, whatever format it came in.

Plain dataclasses: the readers fill them, the Plone side copies them into a
Conference and its TalkRecaps. Speakers and resources are the very rows the
``collective.confrecap.speakers`` and ``.resources`` behaviors store
(``{"name", "url", "affiliation"}`` and ``{"title", "url", "kind"}``), with
empty keys left out. The helpers below are shared by the readers: every one
of them is linear in its input.
"""

from __future__ import annotations

from collective.confrecap.formats.kinds import RESOURCE_KINDS
from collective.confrecap.formats.kinds import TALK_KINDS
from collective.confrecap.formats.plan import guess_resource_kind
from collective.confrecap.formats.plan import guess_talk_kind
from collective.confrecap.formats.urls import is_http_url
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from datetime import timezone
from urllib.parse import urljoin
from zoneinfo import ZoneInfo
from zoneinfo import ZoneInfoNotFoundError

import re


# The bodies we accept: a FOSDEM schedule is 1-2 MB, a large congress 3 MB.
MAX_PROGRAMME_BYTES = 10 * 1024 * 1024

@dataclass
class Session:
    """One slot of the programme: a talk, a workshop, a social event…"""

    programme_id: str
    title: str
    abstract: str = ""
    summary: str = ""
    start: datetime | None = None
    end: datetime | None = None
    date: date | None = None
    room: str | None = None
    track: str | None = None
    kind: str = "talk"
    language: str | None = None
    speakers: list = field(default_factory=list)
    resources: list = field(default_factory=list)
    url: str | None = None
    slides_url: str | None = None
    video_url: str | None = None
    do_not_record: bool = False
    tags: list = field(default_factory=list)

    def to_dict(self):
        return _jsonable(asdict(self))


@dataclass
class ProgrammePlan:
    """A conference's programme: its metadata and its sessions."""

    format: str
    title: str
    acronym: str | None = None
    description: str = ""
    start: date | None = None
    end: date | None = None
    timezone: str | None = None
    url: str | None = None
    tracks: list = field(default_factory=list)
    rooms: list = field(default_factory=list)
    sessions: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    def to_dict(self):
        return _jsonable(asdict(self))

    @property
    def speakers(self):
        """Every speaker name once, in the order of their first session."""
        seen = {}
        for session in self.sessions:
            for speaker in session.speakers:
                seen.setdefault(speaker["name"], None)
        return list(seen)

    def counts(self):
        return {
            "sessions": len(self.sessions),
            "speakers": len(self.speakers),
            "days": len({s.date for s in self.sessions if s.date}),
            "rooms": len(self.rooms),
            "tracks": len(self.tracks),
            "resources": sum(len(s.resources) for s in self.sessions),
        }


def _jsonable(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    return value


# --- text -------------------------------------------------------------------


def clean_line(value):
    """A one-line string: whitespace collapsed, None and non-strings to ''."""
    if value is None or isinstance(value, (dict, list, bool)):
        return ""
    return " ".join(str(value).split())


def clean_text(value):
    """A multi-line text: Windows line ends unified, outer blank lines gone."""
    if isinstance(value, dict):
        # c3voc "schedule2" allows {"en": "...", "de": "..."}.
        value = value.get("en") or next(
            (v for v in value.values() if isinstance(v, str) and v.strip()), ""
        )
    if value is None or not isinstance(value, (str, int, float)):
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def join_texts(*texts):
    """Paragraphs joined by a blank line; a repeated paragraph only once."""
    kept = []
    for text in texts:
        if text and text not in kept:
            kept.append(text)
    return "\n\n".join(kept)


# --- links ------------------------------------------------------------------


def http_url(value, base=None):
    """``value`` as an absolute http(s) URL (relative ones against ``base``).

    Anything else (``javascript:``, ``mailto:``, a bare word) gives None.
    """
    value = clean_line(value)
    if not value:
        return None
    if base and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value):
        value = urljoin(base, value)
    return value if is_http_url(value) else None


_REFERENCE_KINDS = {
    "slides": "slides",
    "paper": "article",
    "article": "article",
    "blog": "article",
    "media": "video",
    "video": "video",
    "recording": "video",
    "documentation": "documentation",
    "code": "library",
    "repository": "library",
}
_VIDEO_URL = re.compile(
    r"youtube\.com/watch|youtu\.be/|vimeo\.com/\d|media\.ccc\.de/v/|"
    r"video\.fosdem\.org/|archive\.org/details/|\.(webm|mp4|mkv|ogv|mov)(\?|$)",
    re.IGNORECASE,
)
_VIDEO_TITLE = re.compile(r"\b(video recording|recording|video)\b", re.IGNORECASE)
_LIVE = re.compile(r"\b(live|stream|chat)\b", re.IGNORECASE)
_SLIDES_TITLE = re.compile(r"\b(slides?|slide deck|presentation)\b", re.IGNORECASE)


def resource_kind(title, url, declared=None):
    """The ResourceKinds token of a link: its declared type, else a guess."""
    declared = clean_line(declared).casefold()
    if declared in _REFERENCE_KINDS:
        return _REFERENCE_KINDS[declared]
    if declared in RESOURCE_KINDS:
        return declared
    if is_recording(title, url):
        return "video"
    return guess_resource_kind(title or "", url)


def is_recording(title, url):
    """True for a link to the recording of a talk (not a live stream)."""
    title = title or ""
    if _LIVE.search(title) and not re.search(r"recording", title, re.IGNORECASE):
        return False
    return bool(_VIDEO_URL.search(url) or _VIDEO_TITLE.search(title))


def is_slides(title, url, declared=None):
    if clean_line(declared).casefold() == "slides":
        return True
    return bool(
        _SLIDES_TITLE.search(title or "")
        or re.search(r"speakerdeck\.com|slideshare\.net|slides\.com", url, re.I)
    )


class ResourceCollector:
    """The links of one session, each URL once, only http(s) ones kept."""

    def __init__(self, base=None):
        self.base = base
        self.rows = []
        self.urls = set()
        self.dropped = 0
        self.video_url = None
        self.slides_url = None

    def add(self, url, title=None, declared=None):
        raw = clean_line(url)
        if not raw:
            return
        absolute = http_url(raw, self.base)
        if absolute is None:
            self.dropped += 1
            return
        title = clean_line(title) or absolute
        if absolute in self.urls:
            return
        self.urls.add(absolute)
        kind = resource_kind(title, absolute, declared)
        self.rows.append({"title": title, "url": absolute, "kind": kind})
        if self.video_url is None and kind == "video" and is_recording(title, absolute):
            self.video_url = absolute
        if self.slides_url is None and is_slides(title, absolute, declared):
            self.slides_url = absolute

    def add_reference(self, item, default_title=None):
        """A frab/pretalx link or attachment: a URL string or an object."""
        if isinstance(item, str):
            self.add(item, default_title)
        elif isinstance(item, dict):
            self.add(
                item.get("url") or item.get("href") or item.get("link"),
                item.get("title") or item.get("label") or default_title,
                item.get("type"),
            )


# --- speakers ---------------------------------------------------------------


class SpeakerCollector:
    """The speakers of one session, each name once."""

    def __init__(self, base=None):
        self.base = base
        self.rows = []
        self.names = set()

    def add(self, name, url=None, affiliation=None):
        name = clean_line(name)
        if not name or name.casefold() in self.names:
            return
        self.names.add(name.casefold())
        row = {"name": name}
        url = http_url(url, self.base)
        if url:
            row["url"] = url
        affiliation = clean_line(affiliation)
        if affiliation:
            row["affiliation"] = affiliation
        self.rows.append(row)


# --- kinds ------------------------------------------------------------------

_TYPE_WORDS = (
    ("lightning", "lightning"),
    ("keynote", "keynote"),
    ("workshop", "workshop"),
    ("hands-on", "workshop"),
    ("handson", "workshop"),
    ("tutorial", "tutorial"),
    ("training", "tutorial"),
    ("panel", "panel"),
    ("discussion", "panel"),
    ("podium", "panel"),
    ("fishbowl", "panel"),
    ("social", "social"),
    ("party", "social"),
    ("concert", "social"),
    ("performance", "social"),
    ("game", "social"),
    ("meetup", "social"),
    ("meeting", "social"),
    ("talk", "talk"),
    ("lecture", "talk"),
    ("vortrag", "talk"),
    ("presentation", "talk"),
    ("maintrack", "talk"),
    ("devroom", "talk"),
    ("session", "talk"),
    ("poster", "other"),
    ("break", "other"),
    ("other", "other"),
)


def talk_kind(declared, title=""):
    """The TalkKinds token for a programme's event type (e.g. "Talk 30 min").

    The programme's own type wins ("When Lightning Strikes" declared a talk
    is a talk); only a missing or unknown type is guessed from the title the
    way the Markdown import guesses it (a "Keynote: …" is a keynote).
    """
    declared = clean_line(declared).casefold()
    if declared in TALK_KINDS:
        return declared
    for word, kind in _TYPE_WORDS:
        if word in declared:
            return kind
    return guess_talk_kind(title or "")


# --- languages --------------------------------------------------------------

_LANGUAGES = {
    "eng": "en",
    "english": "en",
    "spa": "es",
    "spanish": "es",
    "rus": "ru",
    "fra": "fr",
    "fre": "fr",
    "french": "fr",
    "por": "pt",
    "kor": "ko",
    "jpn": "ja",
    "ita": "it",
    "deu": "de",
    "ger": "de",
    "german": "de",
    "zho": "zh",
    "chi": "zh",
    "pol": "pl",
    "slk": "sk",
    "lit": "lt",
    "tha": "th",
    "nld": "nl",
    "dut": "nl",
    "ces": "cs",
    "cze": "cs",
    "ukr": "uk",
    "tur": "tr",
    "ell": "el",
    "heb": "he",
    "swe": "sv",
    "fin": "fi",
    "hun": "hu",
    "ind": "id",
    "vie": "vi",
    "cat": "ca",
    "eus": "eu",
    "glg": "gl",
}


def language_code(value):
    """An ISO 639-1 code where we know one ("eng" -> "en"), else the value."""
    value = clean_line(value).casefold().replace("_", "-")
    if not value:
        return None
    return _LANGUAGES.get(value, value)


# --- dates and times --------------------------------------------------------


def zone(name):
    """The ZoneInfo called ``name``, or None when there is no such zone."""
    name = clean_line(name)
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def parse_date(value):
    """A date from "2020-12-27" or "2020-12-27T11:30:00+01:00"; else None."""
    value = clean_line(value)
    if len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_datetime(value, tz=None):
    """An aware datetime from an ISO 8601 string that has a time, else None.

    A time without offset is taken in ``tz``; with an offset it is converted
    to ``tz`` when one is given.
    """
    value = clean_line(value)
    if len(value) < 16 or value[10:11] not in ("T", " "):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return localize(moment, tz)


def localize(moment, tz):
    if moment.tzinfo is None:
        return moment.replace(tzinfo=tz or timezone.utc)
    return moment.astimezone(tz) if tz is not None else moment


_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def parse_clock(value):
    """A time from "11:30" or "11:30:00"; else None."""
    match = _CLOCK.match(clean_line(value))
    if not match:
        return None
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    if hours > 23 or minutes > 59 or seconds > 59:
        return None
    return time(hours, minutes, seconds)


def parse_duration(value):
    """A timedelta from "00:40", "1:30:00", "PT40M" or a number of seconds."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return timedelta(seconds=value) if value > 0 else None
    text = clean_line(value)
    match = re.match(r"^(\d{1,3}):(\d{2})(?::(\d{2}))?$", text)
    if match:
        hours, minutes, seconds = (int(part or 0) for part in match.groups())
        result = timedelta(hours=hours, minutes=minutes, seconds=seconds)
        return result or None
    match = re.match(r"^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$", text, re.IGNORECASE)
    if match and any(match.groups()):
        hours, minutes, seconds = (int(part or 0) for part in match.groups())
        return timedelta(hours=hours, minutes=minutes, seconds=seconds) or None
    return None


def session_times(day, when, clock, duration, tz, day_change=None, end=None):
    """Start and end (aware datetimes) of an event of a frab-like schedule.

    ``when`` is the event's full date-time when the schedule gives one (frab,
    pretalx); otherwise the wall-clock ``clock`` ("09:30") on the programme
    ``day``, the next calendar day when it is before ``day_change`` (a 01:00
    event of a congress day that ends at 04:00).
    """
    start = parse_datetime(when, tz) or parse_datetime(clock, tz)
    if start is None and day is not None:
        wall = parse_clock(clock)
        if wall is not None:
            calendar_day = day
            if day_change is not None and wall < day_change:
                calendar_day = day + timedelta(days=1)
            start = localize(datetime.combine(calendar_day, wall), tz)
    finish = parse_datetime(end, tz)
    if start is not None and finish is None:
        length = parse_duration(duration)
        if length is not None:
            finish = start + length
    if start is not None and finish is not None and finish < start:
        finish = None
    return start, finish


# --- ids and order ----------------------------------------------------------


def slugify(text):
    text = re.sub(r"[^a-z0-9]+", "-", clean_line(text).casefold())
    return text.strip("-")[:80]


class UniqueIds:
    """Hands out each programme id once: a repeated one gets "-2", "-3"…"""

    def __init__(self, plan):
        self.plan = plan
        self.seen = set()

    def __call__(self, *candidates, title=""):
        base = next((clean_line(c) for c in candidates if clean_line(c)), "")
        base = base or slugify(title) or "session"
        programme_id, number = base, 1
        while programme_id in self.seen:
            number += 1
            programme_id = f"{base}-{number}"
        if number > 1:
            self.plan.warnings.append(
                f"The id “{base}” is used by more than one session; "
                f"“{title}” was given “{programme_id}”."
            )
        self.seen.add(programme_id)
        return programme_id


def first_seen(values):
    """The non-empty values once each, in the order they first appear."""
    return list(dict.fromkeys(v for v in values if v))


def finish(plan, declared_tracks=(), declared_rooms=()):
    """Order the sessions, complete tracks, rooms and dates; return the plan.

    Sessions go in time order (day, start, room in schedule order); the
    tracks are the schedule's own list, then any other track in the order of
    the sessions; the same for rooms.
    """
    rooms = first_seen([*declared_rooms, *(s.room for s in plan.sessions)])
    room_rank = {room: rank for rank, room in enumerate(rooms)}
    ordered = sorted(
        enumerate(plan.sessions),
        key=lambda pair: (
            pair[1].date or date.max,
            pair[1].start.astimezone(timezone.utc).replace(tzinfo=None)
            if pair[1].start
            else datetime.max,
            room_rank.get(pair[1].room, len(rooms)),
            pair[0],
        ),
    )
    plan.sessions = [session for _index, session in ordered]
    plan.rooms = rooms
    plan.tracks = first_seen([*declared_tracks, *(s.track for s in plan.sessions)])
    days = [s.date for s in plan.sessions if s.date]
    if days:
        first, last = min(days), max(days)
        if plan.start is not None and first < plan.start:
            plan.warnings.append(
                f"Sessions begin on {first.isoformat()}, before the conference's "
                f"start ({plan.start.isoformat()}); the conference starts then."
            )
        if plan.end is not None and last > plan.end:
            plan.warnings.append(
                f"Sessions end on {last.isoformat()}, after the conference's end "
                f"({plan.end.isoformat()}); the conference ends then."
            )
        plan.start = min(first, plan.start or first)
        plan.end = max(last, plan.end or last)
    if plan.start and plan.end and plan.end < plan.start:
        plan.end = plan.start
    return plan
