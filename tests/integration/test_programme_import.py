"""import_programme(): programmes become private sessions; a new import syncs."""

from collective.confrecap.formats.errors import RecapImportError
from collective.confrecap.importer.programme import ANNOTATION
from collective.confrecap.importer.programme import import_programme
from datetime import date
from pathlib import Path
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.textfield.value import RichTextValue
from zope.annotation.interfaces import IAnnotations

import copy
import json
import pytest


FIXTURES = (
    Path(__file__).resolve().parents[1] / "unit" / "formats" / "programme" / "fixtures"
)
PRETALX = json.loads((FIXTURES / "pretalx-links.json").read_text())


def _data(document):
    return json.dumps(document).encode("utf-8")


def _sessions(conference):
    catalog = api.portal.get_tool("portal_catalog")
    return {
        brain.confrecap_data["programme_id"]: brain
        for brain in catalog.unrestrictedSearchResults(
            path="/".join(conference.getPhysicalPath()), portal_type="TalkRecap"
        )
    }


@pytest.fixture
def folder(manager):
    return api.content.create(container=manager, type="Folder", id="progs", title="P")


def test_new_conference_with_private_sessions(folder):
    outcome = import_programme(folder, (FIXTURES / "frab-schedule.xml").read_bytes())
    conference = outcome.conference
    assert outcome.new_conference
    assert outcome.counts() == {
        "created": 7,
        "updated": 0,
        "unchanged": 0,
        "removed": 0,
    }
    assert conference.Title() == "Nordhack 2024"
    assert conference.tracks == ["Hardware", "Society", "Security"]
    assert conference.start.date() == date(2024, 3, 8)
    assert conference.end.date() == date(2024, 3, 9)
    assert conference.event_url == "https://fahrplan.nordhack.example/2024/"
    sessions = _sessions(conference)
    assert len(sessions) == 7
    brain = sessions["0f5c1a4e-3c2b-4d8a-9a71-5e1f00000001"]
    assert brain.review_state == "private"
    obj = brain.getObject()
    assert obj.title == "Soldering for Everyone"
    assert obj.description == "From blinking LEDs to your own badge"
    assert obj.room == "Saal Elbe"
    assert obj.track == "Hardware"
    assert obj.talk_kind == "talk"
    assert obj.session_start.isoformat() == "2024-03-08T10:30:00+01:00"
    assert obj.session_end.isoformat() == "2024-03-08T11:15:00+01:00"
    assert obj.session_date == date(2024, 3, 8)
    assert obj.programme_id == "0f5c1a4e-3c2b-4d8a-9a71-5e1f00000001"
    assert obj.abstract.startswith("How we taught 300 people")
    assert obj.text is None
    assert [s["name"] for s in obj.speakers] == ["Jana Kowalski", "Tomás Ferreira"]
    assert obj.video_url.endswith("101-soldering.mp4")
    assert len(obj.resources) == 3
    catalog = api.portal.get_tool("portal_catalog")
    found = catalog(confrecap_programme_id="0f5c1a4e-3c2b-4d8a-9a71-5e1f00000001")
    assert [b.getPath() for b in found] == [brain.getPath()]
    assert brain.confrecap_data["room"] == "Saal Elbe"
    assert brain.confrecap_data["has_text"] is False


def test_dry_run_creates_nothing(folder):
    outcome = import_programme(
        folder, (FIXTURES / "pentabarf-schedule.xml").read_bytes(), dry_run=True
    )
    assert outcome.counts()["created"] == 6
    assert outcome.conference is None
    assert folder.objectIds() == []


def test_publish_publishes_the_conference_not_the_sessions(folder):
    outcome = import_programme(
        folder, (FIXTURES / "pentabarf-schedule.xml").read_bytes(), publish=True
    )
    assert api.content.get_state(outcome.conference) == "published"
    states = {b.review_state for b in _sessions(outcome.conference).values()}
    assert states == {"private"}


def test_reimport_updates_adds_and_reports_keeping_the_authors_work(folder):
    first = import_programme(folder, _data(PRETALX))
    conference = first.conference
    assert first.counts()["created"] == 5
    sessions = {k: b.getObject() for k, b in _sessions(conference).items()}
    keynote = sessions["a1b2c3d4-0000-4000-8000-000000000201"]
    tutorial = sessions["203"]
    # The author writes the keynote's recap and retitles the tutorial.
    keynote.text = RichTextValue("<p>Great talk.</p>", "text/html", "text/x-html-safe")
    keynote.takeaways = ["Python is for everyone"]
    keynote.quotes = ["Teach the teachers"]
    tutorial.title = "Tidy data with pandas (my notes)"
    keynote.reindexObject()
    tutorial.reindexObject()

    # Unchanged programme: nothing to do.
    again = import_programme(conference, _data(PRETALX))
    assert again.counts() == {"created": 0, "updated": 0, "unchanged": 5, "removed": 0}

    changed = copy.deepcopy(PRETALX)
    day1 = changed["schedule"]["conference"]["days"][0]["rooms"]
    day2 = changed["schedule"]["conference"]["days"][1]["rooms"]
    day1["Main Hall"][0]["title"] = "Opening Keynote: Python in Every School"
    day1["Main Hall"][0]["room"] = "Aula"
    day1["Room 2"][0]["title"] = "Tutorial: Tidy Data with pandas 2.0"
    day1["Room 2"][0]["duration"] = "02:00"
    del day2["Main Hall"][1]  # the lightning talks are cancelled
    day2["Main Hall"].append(
        {
            "guid": "a1b2c3d4-0000-4000-8000-000000000299",
            "date": "2024-09-15T15:00:00-05:00",
            "duration": "00:30",
            "room": "Main Hall",
            "title": "Closing",
            "type": "Talk",
            "persons": [{"public_name": "Rosa Jiménez"}],
        }
    )
    outcome = import_programme(folder, _data(changed))
    assert outcome.conference == conference
    assert outcome.counts() == {
        "created": 1,
        "updated": 2,
        "unchanged": 2,
        "removed": 1,
    }
    assert outcome.removed[0]["programme_id"].endswith("204-2")
    updated = {u["programme_id"]: u["fields"] for u in outcome.updated}
    assert updated["a1b2c3d4-0000-4000-8000-000000000201"] == ["room", "title"]
    assert updated["203"] == ["session_end"]
    assert outcome.kept == [
        {
            "programme_id": "203",
            "title": "Tutorial: Tidy Data with pandas 2.0",
            "url": tutorial.absolute_url(),
            "fields": ["title"],
        }
    ]
    # The programme's changes are in …
    assert keynote.title == "Opening Keynote: Python in Every School"
    assert keynote.room == "Aula"
    assert tutorial.session_end.isoformat() == "2024-09-14T12:00:00-05:00"
    # … the author's work is untouched …
    assert keynote.text.raw == "<p>Great talk.</p>"
    assert keynote.takeaways == ["Python is for everyone"]
    assert keynote.quotes == ["Teach the teachers"]
    assert tutorial.title == "Tidy data with pandas (my notes)"
    assert IAnnotations(tutorial)[ANNOTATION]["title"] == (
        "Tutorial: Tidy Data with pandas 2.0"
    )
    # … the cancelled session is kept, and the new one is there.
    sessions = _sessions(conference)
    assert "a1b2c3d4-0000-4000-8000-000000000204-2" in sessions
    assert sessions["a1b2c3d4-0000-4000-8000-000000000299"].Title == "Closing"
    assert any("no longer in the programme" in w for w in outcome.warnings)
    # Importing the changed programme once more changes nothing.
    last = import_programme(conference, _data(changed))
    assert last.counts() == {"created": 0, "updated": 0, "unchanged": 5, "removed": 1}
    assert last.kept == []


def test_publish_sessions_publishes_the_new_sessions_only(folder):
    setRoles(api.portal.get(), TEST_USER_ID, ["Manager"])  # an editor's import
    source = (FIXTURES / "pentabarf-schedule.xml").read_bytes()
    first = import_programme(folder, source, publish=True)
    sessions = list(_sessions(first.conference).values())
    kept_private = sessions[0].getObject()
    api.content.delete(sessions[1].getObject())
    again = import_programme(folder, source, publish=True, publish_sessions=True)
    assert again.counts()["created"] == 1
    states = {
        b.getObject().title: b.review_state
        for b in _sessions(again.conference).values()
    }
    assert states[sessions[1].Title] == "published"
    assert states[kept_private.title] == "private"  # an existing one keeps its state
    anonymous = api.content.find(
        context=again.conference, portal_type="TalkRecap", review_state="published"
    )
    assert [b.Title for b in anonymous] == [sessions[1].Title]


def test_a_conference_renamed_by_its_author_is_found_by_its_title(folder):
    source = (FIXTURES / "pentabarf-schedule.xml").read_bytes()
    first = import_programme(folder, source)
    api.content.rename(obj=first.conference, new_id="our-coverage")
    first.conference.title = f"  {first.conference.title.upper()} "
    first.conference.reindexObject()
    again = import_programme(folder, source)
    assert not again.new_conference
    assert again.conference.getId() == "our-coverage"
    assert again.counts()["unchanged"] == 6
    assert folder.objectIds() == ["our-coverage"]


def test_a_failed_import_changes_nothing(folder):
    broken = copy.deepcopy(PRETALX)
    broken["schedule"]["conference"]["days"][0]["rooms"]["Main Hall"][0]["type"] = 5
    first = import_programme(folder, _data(PRETALX))
    count = len(first.conference.objectIds())
    with pytest.raises(RecapImportError):
        import_programme(folder, b"<schedule/>")
    assert len(first.conference.objectIds()) == count


def test_not_where_conferences_are_allowed(manager):
    document = api.content.create(container=manager, type="Document", id="d")
    with pytest.raises(RecapImportError):
        import_programme(document, _data(PRETALX))


def test_many_sessions_of_one_title_cost_one_id_check_each(folder, monkeypatch):
    """A meetup's archive has "Lightning talks" a hundred times: the ids are
    the title's with a number, and finding each takes about one check, not
    one per earlier session of that title."""
    from collective.confrecap.content.conference import Conference
    from collective.confrecap.formats.programme.model import ProgrammePlan
    from collective.confrecap.formats.programme.model import Session

    sessions = [
        Session(programme_id=str(n), title="Lightning talks") for n in range(150)
    ]
    plan = ProgrammePlan(format="pyvideo", title="Monthly meetup", sessions=sessions)
    checks = []
    original = Conference.checkIdAvailable

    def counted(self, new_id):
        checks.append(new_id)
        return original(self, new_id)

    monkeypatch.setattr(Conference, "checkIdAvailable", counted)
    outcome = import_programme(folder, plan)
    ids = outcome.conference.objectIds()
    assert ids[:3] == ["lightning-talks", "lightning-talks-1", "lightning-talks-2"]
    assert len(set(ids)) == 150
    assert len(checks) < 3 * 150  # (n²/2 = 11,250 when each starts at 1)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("__init__ Jupyter Notebook", "init__-jupyter-notebook"),
        ("@@view", "view-1"),
        ("aq_parent", "parent"),
    ],
)
def test_a_title_zope_refuses_as_an_id_still_gives_one(folder, title, expected):
    """pyvideo has a talk called “__init__ Jupyter Notebook”: Zope refuses ids
    that begin with an underscore, whatever number follows."""
    from collective.confrecap.formats.programme.model import ProgrammePlan
    from collective.confrecap.formats.programme.model import Session

    plan = ProgrammePlan(
        format="pyvideo",
        title="PyCon",
        sessions=[Session(programme_id="1", title=title)],
    )
    outcome = import_programme(folder, plan)
    assert outcome.conference.objectIds() == [expected]
    assert outcome.conference[expected].title == title


def test_an_archive_import_keeps_its_conferences_out_of_the_navigation(folder):
    source = (FIXTURES / "pentabarf-schedule.xml").read_bytes()
    outcome = import_programme(folder, source, exclude_from_nav=True)
    assert outcome.conference.exclude_from_nav is True
    brain = api.content.find(UID=api.content.get_uuid(outcome.conference))[0]
    assert brain.exclude_from_nav is True
