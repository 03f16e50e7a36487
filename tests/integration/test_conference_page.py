"""Issue 13: a conference page leads on (calendar, indexes), shows its tracks
as separate labels, and does not offer "Enable icalendar import"."""

from plone import api

import datetime
import pytest
import pytz
import re


@pytest.fixture
def page(conference):
    view = api.content.get_view(
        name="conference-view", context=conference, request=conference.REQUEST
    )
    return view()


def test_calendar_and_index_links(conference, page):
    url = conference.absolute_url()
    assert f'href="{url}/ics_view"' in page
    root = api.portal.get().absolute_url()
    assert f'href="{root}/@@confrecap-speakers"' in page
    assert f'href="{root}/@@confrecap-resources"' in page


def test_tracks_are_separate_labels(conference, page):
    labels = re.findall(r'class="[^"]*confrecap-track[^"]*"\s*>([^<]*)</span>', page)
    assert labels == conference.tracks


def test_calendar_file_answers(manager):
    from ..content import create_conference

    utc = pytz.utc  # a zone with a name, as the forms and the importer set
    api.portal.set_registry_record("plone.portal_timezone", "UTC")
    conference = create_conference(
        manager,
        id="aware",
        start=datetime.datetime(2023, 3, 13, 9, 0, tzinfo=utc),
        end=datetime.datetime(2023, 3, 17, 18, 0, tzinfo=utc),
    )
    view = api.content.get_view(
        name="ics_view", context=conference, request=conference.REQUEST
    )
    body = view.get_ical_string().decode()  # what ics_view writes
    assert "BEGIN:VCALENDAR" in body
    assert "PWC 2023" in body


def _object_buttons(context):
    actions = api.portal.get_tool("portal_actions")
    return {
        action["id"]
        for action in actions.listFilteredActionsFor(context).get("object_buttons", [])
    }


def test_no_icalendar_import_on_conferences(manager, conference):
    assert "ical_import_enable" not in _object_buttons(conference)
    tool = api.content.get_view(
        name="ical_import_tool", context=conference, request=conference.REQUEST
    )
    assert tool.available is False


def test_icalendar_import_still_offered_on_folders(manager):
    folder = api.content.create(container=manager, type="Folder", id="events")
    assert "ical_import_enable" in _object_buttons(folder)


def test_track_error_names_the_tracks(conference):
    from collective.confrecap.behaviors.talk import ITalk
    from zope.schema.interfaces import ValidationError

    with api.env.adopt_roles(["Manager"]):
        recap = api.content.create(container=conference, type="TalkRecap", id="t")
    field = ITalk["track"].bind(recap)
    with pytest.raises(ValidationError) as error:
        field.validate("Foo")
    assert str(error.value) == (
        "“Foo” is not one of this conference's tracks: "
        "App Dev, Cloud, Culture, PyData, Tutorials."
    )
    field.validate("Cloud")
