"""frab/pretalx schedule.xml and FOSDEM's Pentabarf XML (our own files)."""

from collective.confrecap.formats.programme import frab_xml
from collective.confrecap.formats.programme import pentabarf
from collective.confrecap.formats.programme.errors import EmptyProgrammeError
from collective.confrecap.formats.programme.errors import ProgrammeFormatError
from datetime import date
from tests.unit.formats.shared_data import FIXTURES

import json
import pytest


FRAB = FIXTURES / "frab-schedule.xml"
PENTABARF = FIXTURES / "pentabarf-schedule.xml"


def by_id(plan):
    return {session.programme_id: session for session in plan.sessions}


@pytest.fixture(scope="module")
def frab():
    return frab_xml.read(FRAB.read_bytes())


@pytest.fixture(scope="module")
def fosdem():
    return pentabarf.read(PENTABARF.read_bytes())


GUID = "0f5c1a4e-3c2b-4d8a-9a71-5e1f0000000"


class TestFrab:
    def test_conference(self, frab):
        assert frab.format == "frab-xml"
        assert frab.title == "Nordhack 2024"
        assert frab.acronym == "nordhack24"
        assert (frab.start, frab.end) == (date(2024, 3, 8), date(2024, 3, 9))
        assert frab.timezone == "Europe/Berlin"
        assert frab.url == "https://programm.nordhack.example/2024/"
        assert frab.tracks == ["Hardware", "Society", "Security"]
        assert frab.rooms == ["Saal Elbe", "Werkstatt", "Foyer"]
        assert frab.warnings == [
            "1 link(s) were not http(s) addresses and were left out."
        ]

    def test_every_event(self, frab):
        sessions = by_id(frab)
        assert sorted(sessions) == [f"{GUID}{n}" for n in range(1, 8)]
        expected = {
            # id: title, start, end, room, track, kind, language, speakers
            1: (
                "Soldering for Everyone",
                "2024-03-08T10:30:00+01:00",
                "2024-03-08T11:15:00+01:00",
                "Saal Elbe",
                "Hardware",
                "talk",
                "en",
                ["Jana Kowalski", "Tomás Ferreira"],
            ),
            2: (
                "Who Owns the Network?",
                "2024-03-08T11:30:00+01:00",
                "2024-03-08T12:30:00+01:00",
                "Saal Elbe",
                "Society",
                "keynote",
                "de",
                ["Mira Okonkwo"],
            ),
            3: (
                "Chiptune Night",
                "2024-03-09T01:00:00+01:00",
                "2024-03-09T03:00:00+01:00",
                "Saal Elbe",
                None,
                "social",
                "en",
                ["DJ Bitcrush"],
            ),
            4: (
                "Lockpicking Workshop",
                "2024-03-08T14:00:00+01:00",
                "2024-03-08T16:30:00+01:00",
                "Werkstatt",
                "Security",
                "workshop",
                "en",
                ["Sam Lindqvist", "Ada Nwosu"],
            ),
            5: (
                "A 3D-printed Plant Watering Robot",
                "2024-03-09T10:15:00+01:00",
                "2024-03-09T10:20:00+01:00",
                "Saal Elbe",
                "Hardware",
                "lightning",
                "en",
                ["Lee Park"],
            ),
            6: (
                "Panel: Right to Repair in the EU",
                "2024-03-09T16:00:00+01:00",
                "2024-03-09T17:15:00+01:00",
                "Saal Elbe",
                "Society",
                "panel",
                "de",
                ["Mira Okonkwo", "Jonas Weber", "Chen Wei"],
            ),
            7: (
                "Community Lunch",
                "2024-03-09T12:00:00+01:00",
                "2024-03-09T13:00:00+01:00",
                "Foyer",
                None,
                "other",
                None,
                [],
            ),
        }
        for number, values in expected.items():
            session = sessions[f"{GUID}{number}"]
            title, start, end, room, track, kind, language, speakers = values
            assert session.title == title
            assert session.start.isoformat() == start
            assert session.end.isoformat() == end
            assert session.room == room
            assert session.track == track
            assert session.kind == kind
            assert session.language == language
            assert [s["name"] for s in session.speakers] == speakers
            assert session.url == (
                f"https://programm.nordhack.example/2024/talk/10{number}.html"
            )

    def test_an_event_after_midnight_stays_on_its_programme_day(self, frab):
        night = by_id(frab)[f"{GUID}3"]
        assert night.date == date(2024, 3, 8)
        assert night.start.date() == date(2024, 3, 9)

    def test_links_attachments_and_recording(self, frab):
        soldering = by_id(frab)[f"{GUID}1"]
        assert soldering.summary == "From blinking LEDs to your own badge"
        assert soldering.abstract == (
            "How we taught 300 people to solder at a hackerspace.\n\n"
            "A walk through the kits, the mistakes and the fixes.\n\n"
            "Bring questions."
        )
        assert soldering.resources == [
            {
                "title": "Badge hardware repository",
                "url": "https://github.com/nordhack/badge",
                "kind": "library",
            },
            {
                "title": "Slides (PDF)",
                "url": "https://programm.nordhack.example/system/attachments/101/"
                "slides.pdf",
                "kind": "slides",
            },
            {
                "title": "Video recording",
                "url": "https://cdn.media.nordhack.example/2024/101-soldering.mp4",
                "kind": "video",
            },
        ]
        assert soldering.slides_url.endswith("/101/slides.pdf")
        assert soldering.video_url.endswith("101-soldering.mp4")
        assert by_id(frab)[f"{GUID}3"].video_url == (
            "https://media.nordhack.example/v/nordhack24-103-chiptune-night"
        )
        assert by_id(frab)[f"{GUID}5"].video_url == (
            "https://www.youtube.com/watch?v=nordhack105"
        )
        assert "javascript" not in json.dumps(frab.to_dict())

    def test_recording_opt_out(self, frab):
        assert [s.programme_id for s in frab.sessions if s.do_not_record] == [
            f"{GUID}2"
        ]

    def test_a_person_listed_twice_is_one_speaker(self, frab):
        workshop = by_id(frab)[f"{GUID}4"]
        assert workshop.speakers == [{"name": "Sam Lindqvist"}, {"name": "Ada Nwosu"}]


class TestPentabarf:
    def test_conference(self, fosdem):
        assert fosdem.format == "pentabarf"
        assert fosdem.title == "Open Source Days 2025"
        assert fosdem.acronym is None
        assert (fosdem.start, fosdem.end) == (date(2025, 2, 1), date(2025, 2, 2))
        assert fosdem.timezone == "Europe/Brussels"
        assert fosdem.tracks == ["Keynotes", "Databases", "Embedded", "Lightning Talks"]
        assert fosdem.rooms == ["Aula", "B.201", "H.1308 (Rolin)"]
        assert [s.programme_id for s in fosdem.sessions] == [
            "9001",
            "9002",
            "9003",
            "9005",
            "9006",
            "9004",
        ]

    def test_every_event(self, fosdem):
        expected = {
            "9001": ("Keynotes", "keynote", "2025-02-01T09:30", "2025-02-01T09:55"),
            "9002": ("Databases", "talk", "2025-02-01T10:00", "2025-02-01T10:50"),
            "9003": ("Embedded", "talk", "2025-02-01T11:00", "2025-02-01T11:30"),
            "9004": ("Keynotes", "keynote", "2025-02-02T17:00", "2025-02-02T17:45"),
            "9005": (
                "Lightning Talks",
                "lightning",
                "2025-02-02T13:00",
                "2025-02-02T13:15",
            ),
            "9006": (
                "Lightning Talks",
                "lightning",
                "2025-02-02T13:20",
                "2025-02-02T13:35",
            ),
        }
        sessions = by_id(fosdem)
        for programme_id, (track, kind, start, end) in expected.items():
            session = sessions[programme_id]
            assert session.track == track
            assert session.kind == kind
            assert session.start.isoformat() == f"{start}:00+01:00"
            assert session.end.isoformat() == f"{end}:00+01:00"
            assert session.start.tzinfo.key == "Europe/Brussels"
            assert session.date == session.start.date()
        assert [s["name"] for s in sessions["9004"].speakers] == [
            "OSD Staff",
            "Marta Nowak",
        ]
        assert [s["name"] for s in sessions["9003"].speakers] == [
            "Kenji Watanabe",
            "Priya Raman",
        ]

    def test_html_abstracts_become_safe_text(self, fosdem):
        sessions = by_id(fosdem)
        assert sessions["9001"].abstract == (
            "Opening talk: what is new this year & where to find things.\n\n"
            "Read the [practical information](https://osd.example.org/2025/"
            "practical/) first."
        )
        assert sessions["9002"].abstract == (
            "Query plans explained with real examples:\n\n"
            "- sequential and index scans,\n"
            "- joins and their costs.\n\n"
            "See this trick and the [EXPLAIN manual]"
            "(https://www.postgresql.org/docs/current/using-explain.html)."
        )
        assert sessions["9003"].abstract == (
            "Reading sensors with embedded-hal.\nNo allocator needed."
        )
        assert sessions["9006"].abstract == "Plain text, no HTML: GPIO < 5 V only."
        text = json.dumps(fosdem.to_dict())
        assert "javascript" not in text
        assert "alert" not in text

    def test_recordings_slides_and_links(self, fosdem):
        welcome = by_id(fosdem)["9001"]
        assert welcome.video_url == (
            "https://video.osd.example.org/2025/aula/keynotes_welcome.webm"
        )
        assert welcome.slides_url == (
            "https://osd.example.org/2025/schedule/event/keynotes_welcome/"
            "attachments/slides/1/welcome.pdf"
        )
        assert [(r["title"], r["kind"]) for r in welcome.resources] == [
            ("Video recording (WebM/VP9)", "video"),
            ("Video recording (mp4)", "video"),
            ("Live video stream from the room", "video"),
            ("Submit feedback", "other"),
            ("Slides", "slides"),
        ]
        paper = by_id(fosdem)["9003"].resources
        assert paper == [
            {
                "title": "Paper",
                "url": "https://osd.example.org/2025/schedule/event/"
                "embedded_rust_sensors/attachments/paper/2/sensors.pdf",
                "kind": "article",
            }
        ]
        assert by_id(fosdem)["9003"].video_url is None


def test_wall_clock_times_before_the_day_change_are_the_next_morning():
    data = b"""<schedule><conference><title>Night</title>
    <day_change>04:00</day_change></conference>
    <day index="1" date="2024-12-27"><room name="Hall">
    <event id="1"><start>23:00</start><duration>01:30</duration>
    <title>Late</title></event>
    <event id="2"><start>01:00</start><duration>00:30</duration>
    <title>Later</title></event>
    </room></day></schedule>"""
    plan = pentabarf.read(data, default_timezone="Europe/Berlin")
    late, later = plan.sessions
    assert late.start.isoformat() == "2024-12-27T23:00:00+01:00"
    assert late.end.isoformat() == "2024-12-28T00:30:00+01:00"
    assert later.start.isoformat() == "2024-12-28T01:00:00+01:00"
    assert later.date == date(2024, 12, 27)
    assert late.room == later.room == "Hall"


def test_not_a_schedule():
    with pytest.raises(ProgrammeFormatError, match=r"root element is <rss>"):
        frab_xml.read(b"<rss><channel/></rss>")


def test_no_conference():
    with pytest.raises(ProgrammeFormatError, match="no <conference>"):
        frab_xml.read(b"<schedule><day/></schedule>")


def test_no_events():
    data = b"<schedule><conference><title>X</title></conference><day/></schedule>"
    with pytest.raises(EmptyProgrammeError, match="has no events"):
        frab_xml.read(data)
