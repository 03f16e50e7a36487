"""The coverage dashboard: @@coverage and the data @coverage serves."""

from collective.confrecap.coverage.programme import coverage
from collective.confrecap.importer.programme import import_programme
from pathlib import Path
from plone import api
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.app.textfield.value import RichTextValue
from zExceptions import Unauthorized

import pytest


FIXTURES = (
    Path(__file__).resolve().parents[1] / "unit" / "formats" / "programme" / "fixtures"
)


@pytest.fixture
def imported(portal):
    """The frab programme imported by a Contributor, who owns it; one recap
    written and published."""
    setRoles(portal, TEST_USER_ID, ["Contributor"])
    outcome = import_programme(portal, (FIXTURES / "frab-schedule.xml").read_bytes())
    conference = outcome.conference
    soldering = conference["soldering-for-everyone"]
    soldering.text = RichTextValue("<p>Notes.</p>", "text/html", "text/x-html-safe")
    soldering.reindexObject()
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(soldering, to_state="published")
    return conference


def test_dashboard_data(imported):
    data = coverage(imported)
    assert data["counts"] == {
        "sessions": 7,
        "recap_written": 1,
        "published": 1,
        "slides": 1,
        "video": 3,
    }
    assert [day["date"] for day in data["days"]] == ["2024-03-08", "2024-03-09"]
    first = data["days"][0]
    assert [room["room"] for room in first["rooms"]] == ["Saal Elbe", "Werkstatt"]
    row = first["rooms"][0]["sessions"][0]
    assert row["title"] == "Soldering for Everyone"
    assert row["recap_written"] and row["published"] and row["slides"]
    assert row["edit_url"].endswith(
        "/soldering-for-everyone/edit#formfield-form-widgets-IRichTextBehavior-text"
    )
    assert row["speakers"] == ["Jana Kowalski", "Tomás Ferreira"]


def test_filters(imported):
    no_recap = coverage(imported, ["no-recap"])
    assert no_recap["shown"] == 6
    titles = {
        s["title"] for d in no_recap["days"] for r in d["rooms"] for s in r["sessions"]
    }
    assert "Soldering for Everyone" not in titles
    assert coverage(imported, ["no-video"])["shown"] == 4
    assert coverage(imported, ["no-slides"])["shown"] == 6
    assert coverage(imported, ["no-recap", "no-video"])["shown"] == 4
    with pytest.raises(ValueError, match="Unknown filter"):
        coverage(imported, ["bogus"])


def test_view_for_the_contributor(imported):
    portal = api.portal.get()
    view = api.content.get_view("coverage", imported, portal.REQUEST)
    html = view()
    assert "Write recap" in html
    assert "Chiptune Night" in html
    assert "No recap yet" in html


def test_anonymous_cannot_see_it(imported):
    logout()
    portal = api.portal.get()
    with pytest.raises(Unauthorized):
        portal.restrictedTraverse("/".join(imported.getPhysicalPath()) + "/@@coverage")
    login(portal, TEST_USER_NAME)
