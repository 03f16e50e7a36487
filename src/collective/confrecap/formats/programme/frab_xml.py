"""frab and pretalx ``schedule.xml``.

``<schedule><version/><conference><title/><acronym/><start/><end/>
<time_zone_name/><base_url/><track name=""/>…</conference>
<day index date start end><room name><event id guid><date/><start/>
<duration/><room/><slug/><url/><title/><subtitle/><track/><type/><language/>
<abstract/><description/><recording><optout/></recording>
<persons><person id>Name</person></persons><links><link href>Title</link>
</links><attachments><attachment href>Title</attachment></attachments>
</event></room></day></schedule>``

FOSDEM's Pentabarf export is the same shape (see :mod:`.pentabarf`); both
are read by :class:`ScheduleReader`. XML is parsed with defusedxml only.
"""

from collective.confrecap.formats.programme.errors import EmptyProgrammeError
from collective.confrecap.formats.programme.errors import ProgrammeFormatError
from collective.confrecap.formats.programme.html import text_of
from collective.confrecap.formats.programme.model import clean_line
from collective.confrecap.formats.programme.model import finish
from collective.confrecap.formats.programme.model import http_url
from collective.confrecap.formats.programme.model import join_texts
from collective.confrecap.formats.programme.model import language_code
from collective.confrecap.formats.programme.model import parse_clock
from collective.confrecap.formats.programme.model import parse_date
from collective.confrecap.formats.programme.model import parse_datetime
from collective.confrecap.formats.programme.model import ProgrammePlan
from collective.confrecap.formats.programme.model import ResourceCollector
from collective.confrecap.formats.programme.model import Session
from collective.confrecap.formats.programme.model import session_times
from collective.confrecap.formats.programme.model import SpeakerCollector
from collective.confrecap.formats.programme.model import talk_kind
from collective.confrecap.formats.programme.model import UniqueIds
from collective.confrecap.formats.programme.model import zone
from collective.confrecap.formats.programme.source import load_xml


FORMAT = "frab-xml"
EXPECTED = (
    "a frab/pretalx schedule.xml (<schedule><conference>…</conference>"
    "<day><room><event>…)"
)


def read(data, default_timezone=None):
    """The ProgrammePlan of a frab/pretalx ``schedule.xml`` (bytes)."""
    return from_tree(load_xml(data, EXPECTED), default_timezone)


def from_tree(root, default_timezone=None):
    return ScheduleReader(root, FORMAT, EXPECTED, default_timezone).read()


def local_name(element):
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _text(element, tag):
    if element is None:
        return ""
    child = element.find(tag)
    if child is None:
        return ""
    return "".join(child.itertext())


def _flag(value):
    return clean_line(value).casefold() in ("true", "yes", "1")


class ScheduleReader:
    """Reads a ``<schedule>`` tree of frab, pretalx or Pentabarf."""

    # frab and pretalx texts are Markdown (with some HTML): keep line breaks.
    keep_newlines = True

    def __init__(self, root, format_name, expected, default_timezone=None):
        if local_name(root) != "schedule":
            raise ProgrammeFormatError(
                f"The XML's root element is <{local_name(root)}>, not <schedule>: "
                f"expected {expected}."
            )
        self.root = root
        self.format = format_name
        self.expected = expected
        self.default_timezone = default_timezone

    def declared_tracks(self, conference):
        """Tracks listed before the days: pretalx's <conference><track name>."""
        names = []
        if conference is not None:
            for track in conference.findall("track"):
                names.append(clean_line(track.get("name") or "".join(track.itertext())))
        return names

    def declared_rooms(self, conference):
        names = []
        for holder in (conference, self.root):
            rooms = holder.find("rooms") if holder is not None else None
            for room in rooms.findall("room") if rooms is not None else []:
                names.append(clean_line(room.get("name") or "".join(room.itertext())))
        return names

    def read(self):
        root = self.root
        conference = root.find("conference")
        if conference is None:
            raise ProgrammeFormatError(
                f"The schedule has no <conference> element: expected {self.expected}."
            )
        base = http_url(_text(conference, "base_url")) or http_url(
            _text(conference, "url")
        )
        tz_name = clean_line(_text(conference, "time_zone_name"))
        tz = zone(tz_name) or zone(self.default_timezone)
        title = clean_line(_text(conference, "title")) or clean_line(
            _text(conference, "acronym")
        )
        if not title:
            raise ProgrammeFormatError(
                "The schedule's conference has no title (<conference><title>)."
            )
        plan = ProgrammePlan(
            format=self.format,
            title=title,
            acronym=clean_line(_text(conference, "acronym")) or None,
            description=join_texts(
                clean_line(_text(conference, "subtitle")),
                text_of(_text(conference, "description"), base, self.keep_newlines),
            ),
            start=parse_date(_text(conference, "start")),
            end=parse_date(_text(conference, "end")),
            timezone=tz.key if tz is not None else None,
            url=http_url(_text(conference, "url")) or base,
        )
        if tz_name and zone(tz_name) is None:
            plan.warnings.append(
                f"The time zone “{tz_name}” is unknown; it was ignored."
            )
        day_change = parse_clock(_text(conference, "day_change"))
        ids = UniqueIds(plan)
        dropped = 0
        for day in root.findall("day"):
            day_date = parse_date(day.get("date"))
            day_start = parse_datetime(day.get("start"), tz)
            change = (
                day_start.timetz().replace(tzinfo=None) if day_start else day_change
            )
            if day_date is None and day_start is not None:
                day_date = day_start.date()
            for room in day.findall("room"):
                room_name = clean_line(room.get("name"))
                for event in room.findall("event"):
                    session, lost = self.session(
                        event, day_date, room_name, change, tz, base, ids, plan
                    )
                    dropped += lost
                    if session is not None:
                        plan.sessions.append(session)
        if not plan.sessions:
            raise EmptyProgrammeError(
                f"The schedule of “{plan.title}” has no events: there is nothing "
                "to import."
            )
        if dropped:
            plan.warnings.append(
                f"{dropped} link(s) were not http(s) addresses and were left out."
            )
        return finish(
            plan, self.declared_tracks(conference), self.declared_rooms(conference)
        )

    def session(self, event, day_date, room_name, day_change, tz, base, ids, plan):
        title = clean_line(_text(event, "title"))
        if not title:
            plan.warnings.append(
                f"An event without a title (id {event.get('guid') or event.get('id')})"
                " was left out."
            )
            return None, 0
        start, end = session_times(
            day_date,
            _text(event, "date"),
            _text(event, "start"),
            _text(event, "duration"),
            tz,
            day_change,
        )
        speakers = SpeakerCollector(base)
        persons = event.find("persons")
        for person in persons.findall("person") if persons is not None else []:
            speakers.add("".join(person.itertext()), person.get("url"))
        resources = ResourceCollector(base)
        for holder, item, default in (
            ("links", "link", None),
            ("attachments", "attachment", "Attachment"),
        ):
            container = event.find(holder)
            for link in container.findall(item) if container is not None else []:
                resources.add(
                    link.get("href") or link.get("url"),
                    "".join(link.itertext()) or default,
                    link.get("type"),
                )
        if _text(event, "video_download_url"):
            resources.add(
                _text(event, "video_download_url"), "Video recording", "video"
            )
        recording = event.find("recording")
        do_not_record = _flag(_text(event, "do_not_record")) or (
            recording is not None and _flag(_text(recording, "optout"))
        )
        session = Session(
            programme_id=ids(
                event.get("guid"),
                event.get("id"),
                _text(event, "slug"),
                title=title,
            ),
            title=title,
            summary=clean_line(_text(event, "subtitle")),
            abstract=join_texts(
                text_of(_text(event, "abstract"), base, self.keep_newlines),
                text_of(_text(event, "description"), base, self.keep_newlines),
            ),
            start=start,
            end=end,
            date=day_date or (start.date() if start else None),
            room=clean_line(_text(event, "room")) or room_name or None,
            track=clean_line(_text(event, "track")) or None,
            kind=talk_kind(_text(event, "type"), title),
            language=language_code(_text(event, "language")),
            speakers=speakers.rows,
            resources=resources.rows,
            url=http_url(_text(event, "url"), base),
            slides_url=resources.slides_url,
            video_url=resources.video_url,
            do_not_record=do_not_record,
        )
        return session, resources.dropped
