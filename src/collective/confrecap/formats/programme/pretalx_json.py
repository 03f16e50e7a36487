"""pretalx and frab ``schedule.json`` (the c3voc schedule format).

``{"schedule": {"version", "base_url", "conference": {"title", "acronym",
"start", "end", "time_zone_name", "tracks": [{"name"}], "rooms": [{"name"}],
"days": [{"index", "date", "day_start", "day_end", "rooms": {room: [event]}}]}}}``
where an event has ``guid``, ``id``, ``date`` (ISO date-time), ``start``
("HH:MM"), ``duration`` ("HH:MM"), ``room``, ``title``, ``subtitle``,
``track``, ``type``, ``language``, ``abstract``, ``description``,
``persons`` (``public_name`` or ``name``), ``links``, ``attachments``,
``do_not_record`` and ``url``. The flat variant of c3voc's "schedule2"
(``schedule.events`` with ``start``/``end`` date-times and ``participants``)
is read too.
"""

from collective.confrecap.formats.programme.errors import EmptyProgrammeError
from collective.confrecap.formats.programme.errors import ProgrammeFormatError
from collective.confrecap.formats.programme.html import text_of
from collective.confrecap.formats.programme.model import clean_line
from collective.confrecap.formats.programme.model import finish
from collective.confrecap.formats.programme.model import http_url
from collective.confrecap.formats.programme.model import join_texts
from collective.confrecap.formats.programme.model import language_code
from collective.confrecap.formats.programme.model import parse_date
from collective.confrecap.formats.programme.model import ProgrammePlan
from collective.confrecap.formats.programme.model import ResourceCollector
from collective.confrecap.formats.programme.model import Session
from collective.confrecap.formats.programme.model import session_times
from collective.confrecap.formats.programme.model import SpeakerCollector
from collective.confrecap.formats.programme.model import talk_kind
from collective.confrecap.formats.programme.model import UniqueIds
from collective.confrecap.formats.programme.model import zone
from collective.confrecap.formats.programme.source import load_json


FORMAT = "pretalx-json"
EXPECTED = (
    'a pretalx/frab schedule.json ({"schedule": {"conference": {"days": '
    '[{"rooms": {…}}]}}})'
)


def is_schedule(document):
    """True for a parsed JSON document of this format."""
    return (
        isinstance(document, dict)
        and isinstance(document.get("schedule"), dict)
        and isinstance(document["schedule"].get("conference"), dict)
    )


def read(data, default_timezone=None):
    """The ProgrammePlan of a pretalx/frab ``schedule.json`` (bytes)."""
    return from_json(load_json(data, EXPECTED), default_timezone)


def from_json(document, default_timezone=None):
    if not is_schedule(document):
        raise ProgrammeFormatError(
            f"This JSON is not a pretalx/frab schedule: expected {EXPECTED}."
        )
    schedule = document["schedule"]
    conference = schedule["conference"]
    base = http_url(schedule.get("base_url")) or http_url(conference.get("url"))
    tz_name = clean_line(conference.get("time_zone_name"))
    tz = zone(tz_name) or zone(default_timezone)
    plan = ProgrammePlan(
        format=FORMAT,
        title=clean_line(conference.get("title"))
        or clean_line(conference.get("acronym")),
        acronym=clean_line(conference.get("acronym")) or None,
        description=text_of(conference.get("description"), base),
        start=parse_date(conference.get("start")),
        end=parse_date(conference.get("end")),
        timezone=tz.key if tz is not None else None,
        url=http_url(conference.get("url")) or base,
    )
    if tz_name and zone(tz_name) is None:
        plan.warnings.append(f"The time zone “{tz_name}” is unknown; it was ignored.")
    if not plan.title:
        raise ProgrammeFormatError(
            "The schedule's conference has no title (schedule.conference.title)."
        )
    reader = _EventReader(plan, base, tz)
    days = conference.get("days")
    if days is not None and not isinstance(days, list):
        raise ProgrammeFormatError(
            "schedule.conference.days is not a list of days: expected "
            '[{"date": "2020-12-27", "rooms": {"Room": [event, …]}}, …].'
        )
    for day in days or []:
        if not isinstance(day, dict):
            continue
        day_date = parse_date(day.get("date"))
        rooms = day.get("rooms") or {}
        if not isinstance(rooms, dict):
            raise ProgrammeFormatError(
                f"The rooms of day {day.get('date')} are not an object of "
                '"room name": [events].'
            )
        for room_name, events in rooms.items():
            for event in events if isinstance(events, list) else []:
                reader.add(event, day_date, room_name)
    for event in schedule.get("events") or conference.get("events") or []:
        reader.add(event, None, None)
    if not plan.sessions:
        raise EmptyProgrammeError(
            f"The schedule of “{plan.title}” has no events: there is nothing to import."
        )
    if reader.dropped:
        plan.warnings.append(
            f"{reader.dropped} link(s) were not http(s) addresses and were left out."
        )
    return finish(
        plan,
        _names(conference.get("tracks")),
        _names(conference.get("rooms")),
    )


def _names(items):
    names = []
    for item in items if isinstance(items, list) else []:
        name = item.get("name") if isinstance(item, dict) else item
        name = clean_line(name)
        if name:
            names.append(name)
    return names


def _flag(value):
    if isinstance(value, str):
        return value.strip().casefold() in ("true", "yes", "1")
    return bool(value)


class _EventReader:
    def __init__(self, plan, base, tz):
        self.plan = plan
        self.base = base
        self.tz = tz
        self.ids = UniqueIds(plan)
        self.dropped = 0

    def add(self, event, day_date, room_name):
        if not isinstance(event, dict):
            return
        title = clean_line(event.get("title"))
        if not title:
            self.plan.warnings.append(
                f"An event without a title (id {event.get('guid') or event.get('id')})"
                " was left out."
            )
            return
        start, end = session_times(
            day_date,
            event.get("date"),
            event.get("start"),
            event.get("duration"),
            self.tz,
            end=event.get("end"),
        )
        room = event.get("room")
        if isinstance(room, dict):
            room = room.get("name")
        room = clean_line(room) or clean_line(room_name) or None
        track = event.get("track")
        if isinstance(track, dict):
            track = track.get("name")
        speakers = SpeakerCollector(self.base)
        for person in [
            *(event.get("persons") or []),
            *(event.get("participants") or []),
        ]:
            if isinstance(person, dict):
                speakers.add(
                    person.get("public_name")
                    or person.get("name")
                    or person.get("full_public_name"),
                    person.get("url"),
                    person.get("affiliation") or person.get("organisation"),
                )
            else:
                speakers.add(person)
        resources = ResourceCollector(self.base)
        for link in event.get("links") or []:
            resources.add_reference(link)
        for attachment in event.get("attachments") or []:
            resources.add_reference(attachment, "Attachment")
        for key, title_ in (
            ("video_download_url", "Video recording"),
            ("recording_url", "Video recording"),
        ):
            if event.get(key):
                resources.add(event[key], title_, "video")
        self.dropped += resources.dropped
        recording = event.get("recording")
        do_not_record = _flag(event.get("do_not_record")) or (
            isinstance(recording, dict) and _flag(recording.get("optout"))
        )
        self.plan.sessions.append(
            Session(
                programme_id=self.ids(
                    event.get("guid"),
                    event.get("id"),
                    event.get("code"),
                    event.get("slug"),
                    title=title,
                ),
                title=title,
                summary=clean_line(event.get("subtitle")),
                abstract=join_texts(
                    text_of(event.get("abstract"), self.base),
                    text_of(event.get("description"), self.base),
                ),
                start=start,
                end=end,
                date=day_date or (start.date() if start else None),
                room=room,
                track=clean_line(track) or None,
                kind=talk_kind(event.get("type"), title),
                language=language_code(event.get("language")),
                speakers=speakers.rows,
                resources=resources.rows,
                url=http_url(event.get("url"), self.base),
                slides_url=resources.slides_url,
                video_url=resources.video_url,
                do_not_record=do_not_record,
            )
        )
