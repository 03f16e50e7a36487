"""``@@recap.md`` carries a session's programme fields (room, start and end,
abstract, programme id), and importing the export gives them back."""

from ..content import create_conference
from collective.confrecap.browser.recap_export import export_markdown
from collective.confrecap.formats.markdown.parser import parse_markdown
from collective.confrecap.importer.create import create_from_plan
from datetime import datetime
from plone import api

import pytz


BERLIN = pytz.timezone("Europe/Berlin")


def _session(conference):
    return api.content.create(
        container=conference,
        type="TalkRecap",
        id="keynote",
        title="Opening keynote",
        session_start=BERLIN.localize(datetime(2023, 9, 20, 10, 0)),
        session_end=BERLIN.localize(datetime(2023, 9, 20, 10, 45)),
        room="Hall A",
        abstract="How the web was won.\n\nA look back, and ahead.",
        programme_id="9f1c-42",
    )


def test_export_writes_the_programme_fields(manager):
    conference = create_conference(manager)
    _session(conference)
    exported = export_markdown(conference)
    assert "Room: Hall A" in exported
    assert "Starts: 2023-09-20T10:00:00+02:00" in exported
    assert "Ends: 2023-09-20T10:45:00+02:00" in exported
    assert "Programme id: 9f1c-42" in exported
    assert "Abstract: How the web was won. A look back, and ahead." in exported


def test_export_import_export_keeps_the_programme_fields(manager):
    conference = create_conference(manager)
    _session(conference)
    exported = export_markdown(conference)
    other = api.content.create(container=manager, type="Folder", id="other")
    result = create_from_plan(other, parse_markdown(exported))
    (recap,) = result.recaps
    assert recap.room == "Hall A"
    assert recap.programme_id == "9f1c-42"
    assert recap.abstract == "How the web was won. A look back, and ahead."
    assert recap.session_start.isoformat() == "2023-09-20T10:00:00+02:00"
    assert recap.session_end.isoformat() == "2023-09-20T10:45:00+02:00"
    assert str(recap.session_date) == "2023-09-20"
    assert export_markdown(result.conference) == exported
