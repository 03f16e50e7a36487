"""@coverage over HTTP, and no private session on any public surface."""

from pathlib import Path
from plone import api
from plone.app.textfield.value import RichTextValue

import pytest
import transaction


FIXTURES = (
    Path(__file__).resolve().parents[1] / "unit" / "formats" / "programme" / "fixtures"
)
XML = {"Content-Type": "application/xml"}
# Titles and speakers of sessions that stay private in the fixture below.
PRIVATE = ("Chiptune Night", "DJ Bitcrush", "Lockpicking", "Sam Lindqvist")


@pytest.fixture
def conference(functional_portal, basic):
    data = (FIXTURES / "frab-schedule.xml").read_bytes()
    response = basic.post("/@programme-import?publish=true", data=data, headers=XML)
    assert response.status_code == 201, response.text
    transaction.begin()
    conference = functional_portal["nordhack-2024"]
    soldering = conference["soldering-for-everyone"]
    soldering.text = RichTextValue("<p>Notes.</p>", "text/html", "text/x-html-safe")
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(soldering, to_state="published")
    soldering.reindexObject()
    transaction.commit()
    return conference


def test_coverage_for_the_editor(conference, basic):
    response = basic.get("/nordhack-2024/@coverage")
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["counts"]["sessions"] == 7
    assert data["counts"]["published"] == 1
    filtered = basic.get("/nordhack-2024/@coverage?filter=no-recap").json()
    assert filtered["shown"] == 6
    bad = basic.get("/nordhack-2024/@coverage?filter=nope")
    assert bad.status_code == 400
    page = basic.get("/nordhack-2024/@@coverage")
    assert page.status_code == 200
    assert "Write recap" in page.text


def test_coverage_refused_to_anonymous(conference, anon_request):
    assert anon_request.get("/nordhack-2024/@coverage").status_code == 401
    page = anon_request.get("/nordhack-2024/@@coverage", allow_redirects=False)
    assert page.status_code in (302, 401, 403)


@pytest.mark.parametrize(
    "path",
    [
        "/nordhack-2024",
        "/nordhack-2024/conference-by-day",
        "/nordhack-2024/recap-article",
        "/nordhack-2024/@@recap.md",
        "/@@confrecap-speakers",
        "/@@confrecap-resources",
        "/nordhack-2024/@recap",
        "/@speakers",
        "/nordhack-2024/@speakers",
        "/@resources",
        "/@search?SearchableText=Chiptune",
        "/@search?confrecap_programme_id=0f5c1a4e-3c2b-4d8a-9a71-5e1f00000003",
        "/@@search?SearchableText=Lockpicking",
        "/nordhack-2024/ics_view",
        "/@vocabularies/collective.confrecap.Speakers",
        "/nordhack-2024/@vocabularies/collective.confrecap.Speakers",
    ],
)
def test_no_private_session_on_a_public_surface(conference, anon_request, path):
    headers = (
        {"Accept": "application/json"} if "/@" in path and "@@" not in path else {}
    )
    response = anon_request.get(path, headers=headers)
    if "@vocabularies" in path:
        assert response.status_code in (200, 401), (path, response.status_code)
    else:
        assert response.status_code == 200, (path, response.status_code)
    # A search page repeats the words searched for: look for the item's id.
    private = ("lockpicking-workshop",) if "@@search" in path else PRIVATE
    for text in private:
        assert text not in response.text, (path, text)
    if path in ("/nordhack-2024", "/nordhack-2024/@recap", "/nordhack-2024/ics_view"):
        assert "Soldering for Everyone" in response.text


def test_recap_carries_the_programme_fields(conference, anon_request):
    data = anon_request.get(
        "/nordhack-2024/@recap", headers={"Accept": "application/json"}
    ).json()
    recaps = [r for group in data["recaps_by_track"] for r in group["recaps"]]
    (soldering,) = [r for r in recaps if r["title"] == "Soldering for Everyone"]
    assert soldering["room"] == "Saal Elbe"
    assert soldering["session_start"] == "2024-03-08T10:30:00+01:00"
    assert soldering["session_end"] == "2024-03-08T11:15:00+01:00"
    assert soldering["abstract"].startswith("How we taught 300 people")
    assert soldering["programme_id"] == "0f5c1a4e-3c2b-4d8a-9a71-5e1f00000001"
