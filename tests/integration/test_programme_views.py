"""Views, exports and @recap carry what a programme brings: abstract, room,
times; the conference page links its calendar."""

from collective.confrecap.importer.programme import import_programme
from pathlib import Path
from plone import api

import icalendar
import pytest


FIXTURES = (
    Path(__file__).resolve().parents[1] / "unit" / "formats" / "programme" / "fixtures"
)


@pytest.fixture
def conference(manager):
    outcome = import_programme(
        manager, (FIXTURES / "frab-schedule.xml").read_bytes(), publish=True
    )
    conference = outcome.conference
    api.content.transition(conference["soldering-for-everyone"], to_state="published")
    return conference


def test_talkrecap_view_shows_abstract_room_and_time(conference):
    recap = conference["soldering-for-everyone"]
    html = api.content.get_view("talkrecap-view", recap, recap.REQUEST)()
    assert "How we taught 300 people to solder at a hackerspace." in html
    assert "Bring questions." in html
    assert "Saal Elbe" in html
    assert "10:30–11:15" in html


def test_conference_page_links_the_calendar(conference):
    html = api.content.get_view("conference-view", conference, conference.REQUEST)()
    assert f"{conference.absolute_url()}/ics_view" in html


def test_calendar_lists_published_sessions(conference):
    view = api.content.get_view("ics_view", conference, conference.REQUEST)
    calendar = icalendar.Calendar.from_ical(view.get_ical_string())
    events = list(calendar.walk("VEVENT"))
    titles = [str(e["SUMMARY"]) for e in events]
    assert titles == ["Nordhack 2024", "Soldering for Everyone"]
    session = events[1]
    assert session.decoded("DTSTART").isoformat() == "2024-03-08T09:30:00+00:00"
    assert session.decoded("DTEND").isoformat() == "2024-03-08T10:15:00+00:00"
    assert str(session["LOCATION"]) == "Saal Elbe"
    assert "Jana Kowalski, Tomás Ferreira" in str(session["DESCRIPTION"])
    assert str(session["URL"]).endswith("/nordhack-2024/soldering-for-everyone")


def test_recap_endpoint_data_carries_the_programme_fields(conference):
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog(UID=conference["soldering-for-everyone"].UID())
    data = brain.confrecap_data
    assert data["room"] == "Saal Elbe"
    assert data["session_start"] == "2024-03-08T10:30:00+01:00"
    assert data["abstract"].startswith("How we taught")


def test_session_date_follows_session_start(manager):
    from ..content import create_conference
    from collective.confrecap.behaviors.talk import ITalk
    from datetime import datetime
    from zope.event import notify
    from zope.lifecycleevent import ObjectModifiedEvent

    import pytz

    conference = create_conference(manager)
    start = pytz.timezone("Europe/Berlin").localize(datetime(2023, 9, 21, 10, 0))
    recap = api.content.create(
        container=conference, type="TalkRecap", title="T", session_start=start
    )
    assert ITalk.providedBy(recap)
    assert recap.session_date.isoformat() == "2023-09-21"
    other = api.content.create(container=conference, type="TalkRecap", title="U")
    assert other.session_date is None
    other.session_start = start
    notify(ObjectModifiedEvent(other))
    assert other.session_date.isoformat() == "2023-09-21"
    other.session_date = start.date().replace(day=22)
    notify(ObjectModifiedEvent(other))
    assert other.session_date.isoformat() == "2023-09-22"  # the author's stays
