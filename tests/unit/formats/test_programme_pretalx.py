"""pretalx/frab schedule.json: the real rC3 Channels export and our own files."""

from collective.confrecap.formats.programme import pretalx_json
from collective.confrecap.formats.programme.detect import read_programme
from collective.confrecap.formats.programme.errors import EmptyProgrammeError
from collective.confrecap.formats.programme.errors import ProgrammeFormatError
from collective.confrecap.formats.programme.model import TALK_KINDS
from datetime import date
from datetime import datetime
from datetime import timedelta
from tests.unit.formats.shared_data import FIXTURES
from tests.unit.formats.shared_data import needs
from tests.unit.formats.shared_data import RC3

import html
import json
import pytest
import re


def _events(document):
    """(day date, room key, event) of the raw document, read independently."""
    for day in document["schedule"]["conference"]["days"]:
        for room, events in day["rooms"].items():
            for event in events:
                yield date.fromisoformat(day["date"]), room, event


def _duration(text):
    hours, minutes = text.split(":")
    return timedelta(hours=int(hours), minutes=int(minutes))


def _words(value):
    """The words of a text, tags left out and entities decoded."""
    return set(re.findall(r"\w+", html.unescape(re.sub(r"<[^>]*>", " ", value or ""))))


@needs(RC3)
class TestRc3Channels:
    @pytest.fixture(scope="class")
    @classmethod
    def raw(cls):
        return json.loads(RC3.read_bytes())

    @pytest.fixture(scope="class")
    @classmethod
    def plan(cls):
        return read_programme(RC3.read_bytes())

    def test_conference(self, plan):
        assert plan.format == "pretalx-json"
        assert plan.title == "rC3 Channels"
        assert plan.acronym == "rc3-channels-2020"
        assert (plan.start, plan.end) == (date(2020, 12, 27), date(2020, 12, 30))
        assert plan.url == "https://pretalx.rc3.studio/rc3-channels-2020/schedule/"
        assert plan.warnings == []

    def test_every_event_once(self, plan, raw):
        events = list(_events(raw))
        assert len(events) == 48 == len(plan.sessions)
        assert {s.programme_id for s in plan.sessions} == {
            e["guid"] for *_, e in events
        }
        assert {s.date for s in plan.sessions} == {
            date(2020, 12, 27),
            date(2020, 12, 28),
            date(2020, 12, 29),
            date(2020, 12, 30),
        }

    def test_every_field_of_every_event(self, plan, raw):
        by_id = {session.programme_id: session for session in plan.sessions}
        for day, room, event in _events(raw):
            session = by_id[event["guid"]]
            start = datetime.fromisoformat(event["date"])
            assert session.title == event["title"].strip()
            assert session.start == start
            assert session.start.utcoffset() == timedelta(hours=1)
            assert session.end == start + _duration(event["duration"])
            assert session.date == day
            assert session.room == event["room"] == room
            assert session.track == event["track"]
            assert session.language == event["language"]
            assert session.url == event["url"]
            assert session.do_not_record is event["do_not_record"]
            assert [s["name"] for s in session.speakers] == [
                p["public_name"] for p in event["persons"]
            ]
            words = _words(event["abstract"]) | _words(event["description"])
            assert words <= _words(session.abstract), event["title"]
            assert "<" not in session.abstract
            assert session.kind in TALK_KINDS
            assert session.resources == []

    def test_kinds_from_the_event_types(self, plan, raw):
        kinds = {}
        for _day, _room, event in _events(raw):
            kinds.setdefault(event["type"], set()).add(
                next(s.kind for s in plan.sessions if s.programme_id == event["guid"])
            )
        assert kinds == {
            "Talk 30 min + 10min Q&A": {"talk"},
            "Talk 60min + 20min Q&A": {"talk"},
            "Workshop 60 Min": {"workshop"},
            "Workshop 110min": {"workshop"},
            "LightningTalk 15min 10min Q&A": {"lightning"},
            "Other": {"other"},
        }

    def test_rooms_and_tracks_in_schedule_order(self, plan):
        assert plan.rooms == [
            "r3s - Monheim/Rhein",
            "backspace / franconian.net - Bamberg",
            "Chaos-West TV - Ennepetal",
            "ChaosTrawler Stubnitz/Gängeviertel Hamburg",
            "hacc München / about:future - München",
        ]
        assert plan.tracks == [
            "MON r3s Rhein VHS",
            "BAM franconian",
            "Ennepetal CWTV",
            "HH ChaosTrawler",
            "Muc - about_future",
        ]

    def test_sessions_in_time_order(self, plan):
        keys = [(s.date, s.start) for s in plan.sessions]
        assert keys == sorted(keys)

    def test_speakers(self, plan, raw):
        names = {p["public_name"] for *_, e in _events(raw) for p in e["persons"]}
        assert set(plan.speakers) == names
        assert len(plan.speakers) == len(names)

    def test_do_not_record(self, plan):
        assert sum(s.do_not_record for s in plan.sessions) == 3

    def test_to_dict_is_json(self, plan):
        data = json.loads(json.dumps(plan.to_dict()))
        assert data["sessions"][0]["start"] == "2020-12-27T11:30:00+01:00"
        assert data["start"] == "2020-12-27"


class TestOwnPretalxExport:
    """Links, attachments, speaker pages, time zones: our own file."""

    @pytest.fixture(scope="class")
    @classmethod
    def plan(cls):
        return pretalx_json.read((FIXTURES / "pretalx-links.json").read_bytes())

    def by_title(self, plan, title):
        return next(s for s in plan.sessions if s.title == title)

    def test_conference(self, plan):
        assert plan.title == "PyCamp Example 2024"
        assert plan.timezone == "America/Chicago"
        assert plan.url == "https://pycamp.example.org/2024/"
        assert plan.tracks == ["Web", "Data", "Community"]
        assert plan.rooms == ["Main Hall", "Room 2"]
        assert len(plan.sessions) == 5

    def test_links_and_attachments(self, plan):
        keynote = self.by_title(plan, "Opening Keynote: Python in Every Classroom")
        assert keynote.kind == "keynote"
        assert keynote.resources == [
            {
                "title": "Slides on Speaker Deck",
                "url": "https://speakerdeck.com/rosa/python-in-every-classroom",
                "kind": "slides",
            },
            {
                "title": "Recording",
                "url": "https://www.youtube.com/watch?v=pycamp201",
                "kind": "video",
            },
            {
                "title": "https://example.org/classroom-survey",
                "url": "https://example.org/classroom-survey",
                "kind": "other",
            },
            {
                "title": "Handout",
                "url": "https://pretalx.example.org/media/pycamp-2024/submissions/"
                "QW3RTY/resources/handout.pdf",
                "kind": "other",
            },
        ]
        assert keynote.slides_url == (
            "https://speakerdeck.com/rosa/python-in-every-classroom"
        )
        assert keynote.video_url == "https://www.youtube.com/watch?v=pycamp201"
        assert keynote.speakers == [
            {
                "name": "Rosa Jiménez",
                "url": "https://pretalx.example.org/pycamp-2024/speaker/AB12CD/",
            }
        ]
        assert "1 link(s) were not http(s) addresses and were left out." in (
            plan.warnings
        )
        assert "data:" not in json.dumps(plan.to_dict())

    def test_times_in_the_conference_time_zone(self, plan):
        late = self.by_title(plan, "Late Night Sprint Kick-off")
        assert late.start.isoformat() == "2024-09-14T23:30:00-05:00"
        assert late.end.isoformat() == "2024-09-15T00:30:00-05:00"
        assert late.start.tzinfo.key == "America/Chicago"
        assert late.date == date(2024, 9, 14)
        assert late.do_not_record is True
        assert late.summary == "Bring a laptop"
        assert late.abstract == ""

    def test_missing_guid_uses_id_and_names_are_tidied(self, plan):
        tutorial = self.by_title(plan, "Tutorial: Tidy Data with pandas")
        assert tutorial.programme_id == "203"
        assert tutorial.kind == "tutorial"
        assert tutorial.language == "es"
        assert [s["name"] for s in tutorial.speakers] == ["Kofi Mensah", "Ana Souza"]

    def test_repeated_guid_is_made_unique_and_reported(self, plan):
        ids = [s.programme_id for s in plan.sessions]
        assert len(ids) == len(set(ids))
        lightning = self.by_title(plan, "Lightning Talks")
        assert lightning.programme_id == "a1b2c3d4-0000-4000-8000-000000000204-2"
        assert lightning.kind == "talk"  # the programme says so
        assert lightning.url is None  # javascript: is not a link
        assert any("used by more than one session" in w for w in plan.warnings)

    def test_html_abstract_becomes_text(self, plan):
        htmx = self.by_title(plan, "Server-rendered Apps with htmx")
        assert htmx.abstract == "Less JavaScript, more [htmx](https://htmx.org/)."


def test_schedule2_flat_events():
    plan = read_programme((FIXTURES / "schedule2-flat.json").read_bytes())
    (session,) = plan.sessions
    assert plan.title == "Minicamp 2025"
    assert (plan.start, plan.end) == (date(2025, 6, 6), date(2025, 6, 7))
    assert session.programme_id == "9e0a3f1c-0000-4000-8000-000000000001"
    assert session.start.isoformat() == "2025-06-07T14:00:00+02:00"
    assert session.end.isoformat() == "2025-06-07T15:30:00+02:00"
    assert session.room == "Tent"
    assert session.kind == "workshop"
    assert session.speakers == [{"name": "Frieda Lange"}]
    assert session.abstract == "We build kites."
    assert session.resources == [
        {"title": "Plans", "url": "https://kites.example.org/plans", "kind": "other"}
    ]


def _schedule(events, **conference):
    return json.dumps(
        {
            "schedule": {
                "version": "1",
                "conference": {
                    "title": "T",
                    "acronym": "t",
                    "days": [
                        {"index": 1, "date": "2024-01-01", "rooms": {"A": events}}
                    ],
                    **conference,
                },
            }
        }
    ).encode()


def test_naive_times_take_the_default_time_zone():
    data = _schedule(
        [{"guid": "g", "title": "X", "start": "10:00", "duration": "0:30"}]
    )
    (session,) = pretalx_json.read(data, default_timezone="Europe/Vienna").sessions
    assert session.start.isoformat() == "2024-01-01T10:00:00+01:00"
    (session,) = pretalx_json.read(data).sessions
    assert session.start.isoformat() == "2024-01-01T10:00:00+00:00"


def test_unknown_time_zone_is_a_warning():
    data = _schedule([{"guid": "g", "title": "X"}], time_zone_name="Mars/Olympus")
    plan = pretalx_json.read(data)
    assert plan.timezone is None
    assert "The time zone “Mars/Olympus” is unknown; it was ignored." in plan.warnings


def test_event_without_title_is_reported():
    plan = pretalx_json.read(_schedule([{"guid": "g", "title": " "}, {"title": "Y"}]))
    assert [s.title for s in plan.sessions] == ["Y"]
    assert plan.warnings == ["An event without a title (id g) was left out."]


def test_no_events_is_an_error():
    with pytest.raises(EmptyProgrammeError, match="has no events"):
        pretalx_json.read(_schedule([]))


def test_no_title_is_an_error():
    with pytest.raises(ProgrammeFormatError, match="no title"):
        pretalx_json.read(_schedule([{"title": "X"}], title="", acronym=""))


def test_days_must_be_a_list():
    data = json.dumps({"schedule": {"conference": {"title": "T", "days": {}}}})
    with pytest.raises(ProgrammeFormatError, match="not a list of days"):
        pretalx_json.read(data.encode())
