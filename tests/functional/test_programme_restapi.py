"""``POST <folder-or-conference>/@programme-import`` over HTTP."""

from pathlib import Path
from plone import api

import json
import pytest
import transaction


FIXTURES = (
    Path(__file__).resolve().parents[1] / "unit" / "formats" / "programme" / "fixtures"
)
XML = {"Content-Type": "application/xml"}


def _sessions():
    transaction.begin()
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(portal_type="TalkRecap")


def test_xml_body_creates_the_conference_then_syncs(import_site, basic):
    data = (FIXTURES / "frab-schedule.xml").read_bytes()
    response = basic.post("/coverage/@programme-import", data=data, headers=XML)
    assert response.status_code == 201, response.text
    url = import_site.absolute_url() + "/coverage/nordhack-2024"
    body = response.json()
    assert body["@id"] == url
    assert response.headers["Location"] == url
    assert body["counts"] == {"created": 7, "updated": 0, "unchanged": 0, "removed": 0}
    assert body["format"] == "frab-xml"
    assert len(_sessions()) == 7
    # The same programme again, posted to the conference: all unchanged.
    again = basic.post(
        "/coverage/nordhack-2024/@programme-import", data=data, headers=XML
    )
    assert again.status_code == 201, again.text
    assert again.json()["counts"] == {
        "created": 0,
        "updated": 0,
        "unchanged": 7,
        "removed": 0,
    }


def test_json_body_with_options_as_keys(import_site, basic):
    document = json.loads((FIXTURES / "pretalx-links.json").read_text())
    document["dry_run"] = True
    response = basic.post("/coverage/@programme-import", json=document)
    assert response.status_code == 200, response.text
    assert response.json()["dry_run"] is True
    assert response.json()["counts"]["created"] == 5
    assert len(_sessions()) == 0
    del document["dry_run"]
    response = basic.post("/coverage/@programme-import?publish=true", json=document)
    assert response.status_code == 201, response.text
    transaction.begin()
    conference = import_site["coverage"]["pycamp-example-2024"]
    assert api.content.get_state(conference) == "published"


def test_publish_sessions_makes_an_archive_anonymous_visitors_read(
    import_site, basic, anon_request
):
    data = (FIXTURES / "frab-schedule.xml").read_bytes()
    response = basic.post(
        "/coverage/@programme-import?publish=true&publish_sessions=true",
        data=data,
        headers=XML,
    )
    assert response.status_code == 201, response.text
    assert {b.review_state for b in _sessions()} == {"published"}
    found = anon_request.get(
        "/++api++/@search?path=/plone/coverage&b_size=100",
        headers={"Accept": "application/json"},
    )
    assert found.status_code == 200, found.text
    types = [item["@type"] for item in found.json()["items"]]
    assert types.count("TalkRecap") == 7


@pytest.mark.parametrize(
    "data, headers, message",
    [
        (b"# Notes", {"Content-Type": "application/json"}, "Markdown write-up"),
        (b"<html/>", XML, "root element is <html>"),
        (b"{}", {"Content-Type": "text/markdown"}, "Send the programme as"),
        (b"", XML, "has no body"),
        (b'{"schedule": {}}', {"Content-Type": "application/json"}, "schedule"),
        (
            b'{"schedule": {"conference": {"title": "X", "days": []}}, '
            b'"dry_run": "maybe"}',
            {"Content-Type": "application/json"},
            "“dry_run” must be true or false",
        ),
    ],
)
def test_bad_input_is_a_400_with_a_sentence(import_site, basic, data, headers, message):
    response = basic.post("/coverage/@programme-import", data=data, headers=headers)
    assert response.status_code == 400, response.text
    assert message in response.json()["error"]["message"]
    assert len(_sessions()) == 0


def test_too_large(import_site, basic):
    data = b" " * (10 * 1024 * 1024 + 1)
    response = basic.post("/coverage/@programme-import", data=data, headers=XML)
    assert response.status_code == 400
    assert "too large" in response.json()["error"]["message"]


def test_anonymous_gets_401(import_site, anon_request):
    data = (FIXTURES / "frab-schedule.xml").read_bytes()
    response = anon_request.post("/coverage/@programme-import", data=data, headers=XML)
    assert response.status_code == 401
    assert len(_sessions()) == 0
